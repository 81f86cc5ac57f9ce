package dev.cachefn.kotlin

import dev.cachefn.CacheEventType
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.nanoseconds
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runTest

/**
 * Stale-if-error on the suspending bulk fetch: a failed suspending fetch answers the keys' expired values within
 * their window (counted, `STALE` events), after the fetch's own virtual time; past the window it fails.
 */
class SuspendingBulkStaleIfErrorTest {

  private val clock = TestClock()

  @Test
  fun `a failed suspending bulk fetch serves stale values until the window ends`() = runTest {
    val prices = cache<String>("bulk-prices") { ticker = clock; defaultTtl = 1.minutes; staleIfError = 30.seconds }
    val staleKeys = mutableListOf<String?>()
    prices.on(CacheEventType.STALE) { staleKeys += it.key() }
    prices.set("a", "old a")
    prices.set("b", "old b")
    clock.advance(1.minutes + 30.seconds - 1.nanoseconds)

    val values = prices.getOrFetchManySuspending(listOf("a", "b")) {
      delay(2.seconds)
      throw IllegalStateException("backend down")
    }

    assertEquals(mapOf("a" to "old a", "b" to "old b"), values)
    assertEquals(2_000, currentTime)
    assertEquals(2, prices.stats().staleServed())
    assertEquals(listOf<String?>("a", "b"), staleKeys)

    clock.advance(1.nanoseconds)
    val failure = assertFailsWith<IllegalStateException> {
      prices.getOrFetchManySuspending(listOf("a", "b")) { throw IllegalStateException("still down") }
    }
    assertEquals("still down", failure.message)
    assertEquals(2, prices.stats().staleServed())
  }
}
