package dev.cachefn.kotlin

import java.io.IOException
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withTimeout
import dev.cachefn.Ticker

/** The suspending cache-aside, on the virtual time of kotlinx-coroutines-test: no real sleeps. */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class SuspendingGetOrFetchTest {

  @Test
  fun `1,000 concurrent coroutines share one fetch`() = runTest {
    val users = cache<String>("users")
    var fetches = 0

    val results = List(1_000) {
      async {
        users.getOrFetchSuspending("user:1") {
          fetches++
          delay(1.seconds) // a slow database, in virtual time
          "Ada"
        }
      }
    }.awaitAll()

    assertEquals(1, fetches)
    assertEquals(List(1_000) { "Ada" }, results)
    assertEquals(1_000, currentTime) // one second of virtual time: the callers waited together
    assertEquals("Ada", users["user:1"])
  }

  @Test
  fun `the result is as nullable as the fetcher`() = runTest {
    val users = cache<String>("users")

    val found: String = users.getOrFetchSuspending("user:1") { delay(1.seconds); "Ada" } // a String: no !!
    val absent: String? = users.getOrFetchSuspending("user:2") { lookup("user:2") }

    assertEquals(3, found.length)
    assertNull(absent)
    assertEquals(1_000, currentTime)
  }

  private suspend fun lookup(key: String): String? = if (key == "user:1") "Ada" else null

  @Test
  fun `a hit returns without running the fetcher`() = runTest {
    val users = cache<String>("users")
    users["user:1"] = "Ada"

    assertEquals("Ada", users.getOrFetchSuspending("user:1") { error("must not fetch") })
  }

  @Test
  fun `cancelling one waiter cancels neither the shared fetch nor the other waiters`() = runTest {
    val users = cache<String>("users")
    var fetches = 0
    val fetcher: suspend () -> String = {
      fetches++
      delay(1.seconds)
      "Ada"
    }

    val first = async { users.getOrFetchSuspending("user:1", fetcher = fetcher) } // starts the fetch
    val second = async { users.getOrFetchSuspending("user:1", fetcher = fetcher) }
    runCurrent()
    first.cancel()
    advanceUntilIdle()

    assertFailsWith<CancellationException> { first.await() }
    assertEquals("Ada", second.await())
    assertEquals(1, fetches)
    assertEquals("Ada", users["user:1"]) // the fetch completed and was stored
  }

  @Test
  fun `a waiter that times out leaves the fetch running and its result stored`() = runTest {
    val users = cache<String>("users")

    assertFailsWith<CancellationException> {
      withTimeout(100) { users.getOrFetchSuspending("user:1") { delay(1.seconds); "Ada" } }
    }
    advanceUntilIdle()

    assertEquals("Ada", users["user:1"])
    assertEquals("Ada", users.getOrFetchSuspending("user:1") { error("must not fetch again") })
  }

  @Test
  fun `a failure reaches every waiter and is not cached`() = runTest {
    val users = cache<String>("users")
    var fetches = 0

    val waiters = List(3) {
      async {
        runCatching {
          users.getOrFetchSuspending("user:1") {
            fetches++
            delay(1.seconds)
            throw IOException("database down")
          }
        }
      }
    }.awaitAll()

    assertEquals(1, fetches)
    waiters.forEach { assertEquals("database down", (it.exceptionOrNull() as IOException).message) }
    assertFalse("user:1" in users)
    assertEquals("Ada", users.getOrFetchSuspending("user:1") { fetches++; "Ada" }) // fetched again
    assertEquals(2, fetches)
  }

  @Test
  fun `a null result is returned and not cached`() = runTest {
    val users = cache<String>("users")
    var fetches = 0

    assertNull(users.getOrFetchSuspending("user:404") { fetches++; null })
    assertNull(users.getOrFetchSuspending("user:404") { fetches++; null })
    assertEquals(2, fetches)
  }

  @Test
  fun `ttl and tags apply to the stored value`() = runTest {
    val users = cache<String>("users") { ticker = Ticker { testScheduler.currentTime * 1_000_000 } }

    assertEquals("Ada", users.getOrFetchSuspending("user:1", ttl = 5.minutes, tags = setOf("team:core")) { "Ada" })
    assertEquals("Linus", users.getOrFetchSuspending("user:2", ttl = 1.minutes) { "Linus" })

    delay(1.minutes)
    assertFalse("user:2" in users) // expired on the virtual clock
    assertTrue("user:1" in users)
    assertEquals(1, users.invalidateByTag("team:core"))
    assertFalse("user:1" in users)
  }

  @Test
  fun `a bad ttl fails before anything is fetched`() = runTest {
    val users = cache<String>("users")

    val failure = assertFailsWith<IllegalArgumentException> {
      users.getOrFetchSuspending("user:1", ttl = 0.seconds) { error("must not fetch") }
    }
    assertTrue("ttl" in failure.message.orEmpty(), failure.message)
  }
  @Test
  fun `a fetch that needs its own key fails instead of waiting for itself`() = runTest {
    val users = cache<String>("users")

    val failure = assertFailsWith<IllegalStateException> {
      users.getOrFetchSuspending("user:1") { users.getOrFetchSuspending("user:1") { "never" } }
    }

    assertTrue("key 'user:1' in cache 'users'" in failure.message.orEmpty(), failure.message)
    assertFalse("user:1" in users)
  }

  @Test
  fun `a cycle through other keys and caches is found, with its chain`() = runTest {
    val users = cache<String>("users")
    val teams = cache<String>("teams")

    val failure = assertFailsWith<IllegalStateException> {
      users.getOrFetchSuspending("user:1") {
        teams.getOrFetchSuspending("team:1") {
          coroutineScope { async { users.getOrFetchSuspending("user:1") { "never" } }.await() } // a child counts
        }
      }
    }

    assertTrue("users/user:1 -> teams/team:1" in failure.message.orEmpty(), failure.message)
  }

  @Test
  fun `a fetch may read other keys, the same key of another cache, and fetch again once done`() = runTest {
    val users = cache<String>("users")
    val names = cache<String>("names")

    val user = users.getOrFetchSuspending("user:1") {
      names.getOrFetchSuspending("user:1") { "Ada" } + users.getOrFetchSuspending("user:2") { " & Linus" }
    }
    users.delete("user:1")
    val again = users.getOrFetchSuspending("user:1") { "Grace" }

    assertEquals("Ada & Linus", user)
    assertEquals("Grace", again)
  }
}
