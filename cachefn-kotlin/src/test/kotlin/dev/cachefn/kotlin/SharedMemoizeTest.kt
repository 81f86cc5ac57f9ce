package dev.cachefn.kotlin

import dev.cachefn.Ticker
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
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.runTest

/** A memoized suspend function that keeps its results in a cache it shares with other data. */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class SharedMemoizeTest {

  @Test
  fun `results live in the shared cache under name and key, once per key for concurrent callers`() = runTest {
    val users = cache<String>("users")
    var loads = 0
    val findUser = users.memoize("findUser") { id: Long ->
      loads++
      delay(1.seconds)
      "user $id"
    }

    val results = List(100) { async { findUser(42L) } }.awaitAll()

    assertEquals(List(100) { "user 42" }, results)
    assertEquals(1, loads)
    assertEquals("user 42", users["findUser:42"])
  }

  @Test
  fun `the cache's invalidations reach the results`() = runTest {
    val users = cache<String>("users")
    var loads = 0
    val findUser = users.memoize("findUser", tags = setOf("team:core")) { id: Long -> loads++; "user $id" }

    findUser(1L)
    findUser(2L)
    assertEquals(1, users.invalidateByPattern("findUser:1"))
    assertEquals(1, users.invalidateByTag("team:core"))
    findUser(1L)
    findUser(2L)

    assertEquals(4, loads)
  }

  @Test
  fun `clear removes this function's results and nothing else`() = runTest {
    val users = cache<String>("users")
    val findUser = users.memoize("findUser") { id: Long -> "user $id" }
    val findAdmin = users.memoize("findAdmin") { id: Long -> "admin $id" }
    users["session:1"] = "open"

    findUser(1L)
    findUser(2L)
    findAdmin(1L)
    findUser.clear()

    assertEquals(listOf("findAdmin:1", "session:1"), users.keys("*").sorted())
    assertTrue(findAdmin.invalidate(1L))
    assertFalse(findAdmin.invalidate(1L))
  }

  @Test
  fun `the ttl of the memoized function applies, on the cache's clock`() = runTest {
    val users = cache<String>("users") { ticker = Ticker { testScheduler.currentTime * 1_000_000 } }
    var loads = 0
    val findUser = users.memoize("findUser", ttl = 1.minutes) { id: Long -> loads++; "user $id" }

    findUser(1L)
    delay(59.seconds)
    findUser(1L)
    delay(1.seconds)
    findUser(1L)

    assertEquals(2, loads)
  }

  @Test
  fun `null results and failures are passed on and not stored`() = runTest {
    val users = cache<String>("users")
    var calls = 0
    val find = users.memoize("find") { id: Long ->
      calls++
      if (id < 0) throw IOException("bad id $id") else null
    }

    assertNull(find(1L))
    assertNull(find(1L))
    assertFailsWith<IOException> { find(-1L) }
    assertFailsWith<IOException> { find(-1L) }

    assertEquals(4, calls)
    assertEquals(0L, users.size())
  }

  @Test
  fun `a blank name is rejected at once`() {
    val users = cache<String>("users")
    val failure = assertFailsWith<IllegalArgumentException> { users.memoize(" ") { id: Long -> "user $id" } }
    assertTrue("cache 'users'" in failure.message.orEmpty(), failure.message)
  }
}
