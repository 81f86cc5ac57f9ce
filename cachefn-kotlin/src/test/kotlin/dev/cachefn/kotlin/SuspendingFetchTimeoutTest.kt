package dev.cachefn.kotlin

import dev.cachefn.FetchTimeoutException
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

/** The fetch timeout of the suspending cache-aside, on the virtual time of kotlinx-coroutines-test. */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class SuspendingFetchTimeoutTest {

  @Test
  fun `a waiter gives up after its fetch timeout while the shared fetch goes on and is stored`() = runTest {
    val users = cache<String>("users")
    val slow = async { users.getOrFetchSuspending("user:1") { delay(1.minutes); "Ada" } }
    runCurrent()

    val failure = assertFailsWith<FetchTimeoutException> {
      users.getOrFetchSuspending("user:1", fetchTimeout = 5.seconds) { "other" }
    }

    assertEquals(5_000, currentTime)
    assertEquals("users", failure.cacheName())
    assertEquals("user:1", failure.key())
    assertEquals("Ada", slow.await())
    assertEquals(60_000, currentTime)
    assertEquals("Ada", users["user:1"])
  }

  @Test
  fun `a fetch that never completes is abandoned after its timeout and the next caller fetches again`() = runTest {
    val users = cache<String>("stuck")
    var fetches = 0

    assertFailsWith<FetchTimeoutException> {
      users.getOrFetchSuspending("user:1", fetchTimeout = 5.seconds) {
        fetches++
        awaitCancellation()
      }
    }
    assertEquals(5_000, currentTime)
    runCurrent() // the abandoned fetch ends at the same virtual instant

    val fresh = users.getOrFetchSuspending("user:1") {
      fetches++
      "fresh"
    }

    assertEquals("fresh", fresh)
    assertEquals(2, fetches)
    assertEquals("fresh", users["user:1"])
  }

  @Test
  fun `a fetch that ends within its timeout is not cut short`() = runTest {
    val users = cache<String>("in-time")

    val user = users.getOrFetchSuspending("user:1", fetchTimeout = 5.seconds) {
      delay(4.seconds)
      "Ada"
    }

    assertEquals("Ada", user)
    assertEquals(4_000, currentTime)
    assertEquals("Ada", users["user:1"])
  }
}
