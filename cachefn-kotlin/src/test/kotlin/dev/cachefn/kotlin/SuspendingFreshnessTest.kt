package dev.cachefn.kotlin

import java.util.concurrent.Executor
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

/**
 * Freshness settings from Kotlin: the DSL, the per-call parameters of the suspending cache-aside, and the
 * suspending bulk fetch, on the virtual time of kotlinx-coroutines-test (the cache's own clock is a fake ticker;
 * refreshes start inline, and their suspending fetch runs on the test's dispatcher).
 */
@OptIn(ExperimentalCoroutinesApi::class)
class SuspendingFreshnessTest {

  private val clock = TestClock()
  private val inline = Executor { it.run() }

  @Test
  fun `a due hit returns at once and the suspending refresh replaces the value in virtual time`() = runTest {
    val prices = cache<String>("prices") {
      ticker = clock; defaultTtl = 1.minutes; refreshAfter = 30.seconds; refreshExecutor = inline
    }
    assertEquals("v1", prices.getOrFetchSuspending("p") { "v1" })
    clock.advance(30.seconds)

    val served = prices.getOrFetchSuspending("p") { delay(10.seconds); "v2" }

    assertEquals("v1", served)
    assertEquals(0, currentTime, "the caller did not wait for the refresh")
    advanceUntilIdle()
    assertEquals(10_000, currentTime)
    assertEquals("v2", prices["p"])
    assertEquals(1, prices.stats().refreshes())
  }

  @Test
  fun `per-call stale-if-error and negative TTL parameters`() = runTest {
    val users = cache<String>("users") { ticker = clock; defaultTtl = 1.minutes; freshness = dev.cachefn.Freshness.none() }
    users.getOrFetchSuspending("u", staleIfError = 30.seconds) { "Ada" } // kept 30 s past its TTL
    clock.advance(1.minutes)

    val stale = users.getOrFetchSuspending("u", staleIfError = 30.seconds) { error("down") }
    assertEquals("Ada", stale)

    var calls = 0
    assertNull(users.getOrFetchSuspending("none", negativeTtl = 5.seconds) { calls++; null })
    assertNull(users.getOrFetchSuspending("none", negativeTtl = 5.seconds) { calls++; null })
    assertEquals(1, calls)
    assertNull(users.getOrPut("none", negativeTtl = 5.seconds) { calls++; null })
    assertEquals(1, calls)
  }

  @Test
  fun `the suspending bulk fetch asks once for the missing keys and coalesces with a single caller`() = runTest {
    val users = cache<String>("bulk")
    users["a"] = "A"
    val single = async { users.getOrFetchSuspending("b") { delay(5.seconds); "B from single" } }
    runCurrent()
    val asked = mutableListOf<Set<String>>()

    val values = users.getOrFetchManySuspending(listOf("a", "b", "c")) { keys ->
      asked += keys
      delay(1.seconds)
      keys.associateWith { it.uppercase() }
    }

    assertEquals(listOf(setOf("c")), asked)
    assertEquals(mapOf("a" to "A", "b" to "B from single", "c" to "C"), values)
    assertEquals(5_000, currentTime)
    assertEquals("B from single", single.await())
  }
}
