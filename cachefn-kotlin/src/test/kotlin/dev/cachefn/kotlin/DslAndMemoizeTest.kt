package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheBuilder
import dev.cachefn.CacheFn
import dev.cachefn.EvictionPolicy
import dev.cachefn.FetchTimeoutException
import dev.cachefn.MemoizedFunction
import dev.cachefn.Memoizer
import dev.cachefn.Ticker
import dev.cachefn.memory.MemoryStorage
import java.time.Duration as JavaDuration
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
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

/** The cache DSL, the operators and suspend memoization. */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class DslAndMemoizeTest {

  data class User(val id: Long, val name: String)

  @Test
  fun `the DSL sets size, TTL with kotlin time, and a virtual-time ticker`() = runTest {
    val users: Cache<User> = cache("users") {
      maxSize = 2
      evictionPolicy = EvictionPolicy.LRU // the test names the entry LRU evicts
      defaultTtl = 10.minutes
      ticker = Ticker { testScheduler.currentTime * 1_000_000 }
      recordStats = true
    }

    assertEquals("users", users.name())
    users["user:1"] = User(1, "Ada")
    users["user:2"] = User(2, "Linus")
    users["user:3"] = User(3, "Grace") // evicts user:1, the least recently used
    assertFalse("user:1" in users)
    assertEquals(2L, users.size())

    delay(10.minutes - 1.seconds)
    assertTrue("user:2" in users)
    delay(1.seconds)
    assertFalse("user:2" in users) // the default TTL, on the virtual clock
  }

  @Test
  fun `the DSL with no block gives the defaults, and a bad setting names itself`() {
    val plain = cache<String>("plain")
    plain["k"] = "v"
    assertEquals("v", plain["k"])

    val failure = assertFailsWith<IllegalArgumentException> { cache<String>("bad") { maxSize = 0 } }
    assertTrue("maxSize" in failure.message.orEmpty(), failure.message)
  }

  @Test
  fun `the DSL has a setting for every option of the builder`() {
    val builderOptions = CacheBuilder::class.java.declaredMethods
      .filter { java.lang.reflect.Modifier.isPublic(it.modifiers) && it.returnType == CacheBuilder::class.java }
      .map { it.name }
      .toSet()
    val dslSettings = CacheSpec::class.java.declaredMethods
      .filter { java.lang.reflect.Modifier.isPublic(it.modifiers) && it.name.startsWith("set") && it.parameterCount == 1 }
      .map { it.name.removePrefix("set").substringBefore('-').replaceFirstChar(Char::lowercaseChar) } // setDefaultTtl-<hash>: a kotlin.time.Duration
      .toSet()

    assertEquals(emptySet(), builderOptions - dslSettings, "options of CacheBuilder that the DSL lacks")
  }

  @Test
  fun `every DSL setting reaches the builder, and maxSize takes an Int variable`() {
    val size = 500 // an Int, not a Long literal
    val clock = Ticker { 42L }
    val shared = MemoryStorage.create()

    val options = CacheSpec().apply {
      maxSize = size
      evictionPolicy = EvictionPolicy.ADAPTIVE_FREQUENCY
      defaultTtl = 10.minutes
      namespace = "people"
      storage = "memory"
      storageInstance = shared
      ticker = clock
      recordStats = false
      fetchTimeout = 3.seconds
      distributedSingleFlight = true
    }.applyTo(CacheFn.builder("users")).options()

    assertEquals(500L, options.maxSize())
    assertEquals(EvictionPolicy.ADAPTIVE_FREQUENCY, options.evictionPolicy())
    assertEquals(JavaDuration.ofMinutes(10), options.defaultTtl())
    assertEquals("people", options.namespace())
    assertEquals(shared, options.storage())
    assertEquals(clock, options.ticker())
    assertFalse(options.recordStats())
    assertEquals(JavaDuration.ofSeconds(3), options.fetchTimeout())
    assertTrue(options.distributedSingleFlight())
  }

  @Test
  fun `maxSize also takes a Long, and rejects a number that is not whole`() {
    val large = 3_000_000_000L
    assertEquals(large, CacheSpec().apply { maxSize = large }.applyTo(CacheFn.builder("big")).options().maxSize())

    val failure = assertFailsWith<IllegalArgumentException> { cache<String>("half") { maxSize = 1.5 } }
    assertEquals("maxSize must be a whole number (Int or Long), got 1.5 (Double)", failure.message)
  }

  @Test
  fun `indexing, in and invoke operators`() {
    val users = cache<User>("users")
    users["user:1"] = User(1, "Ada")

    assertEquals("Ada", users["user:1"]?.name)
    assertTrue("user:1" in users)
    assertTrue("user:2" !in users)

    var loads = 0
    val findUser: MemoizedFunction<Long, User?> = Memoizer.builder("findUser").function { id: Long ->
      loads++
      if (id == 1L) User(1, "Ada") else null
    }
    assertEquals(User(1, "Ada"), findUser(1L))
    assertEquals(User(1, "Ada"), findUser(1L))
    assertEquals(1, loads)
    assertEquals(5, Memoizer.builder("add").biFunction { a: Int, b: Int -> a + b }(2, 3))
    assertEquals("eu", Memoizer.builder("region").supplier { "eu" }())
  }

  @Test
  fun `a memoized suspend function runs once per argument, even for concurrent callers`() = runTest {
    var loads = 0
    val findUser = memoize("findUser", ttl = 5.minutes, maxSize = 100, tags = setOf("users")) { id: Long ->
      loads++
      delay(1.seconds)
      User(id, "user $id")
    }

    val results = List(100) { async { findUser(1L) } }.awaitAll()

    assertEquals(List(100) { User(1, "user 1") }, results)
    assertEquals(1, loads)
    assertEquals(1_000, currentTime)
    assertEquals(User(2, "user 2"), findUser(2L))
    assertEquals(User(2, "user 2"), findUser(2L))
    assertEquals(2, loads)

    assertTrue(findUser.invalidate(1L))
    assertFalse(findUser.invalidate(1L))
    findUser(1L)
    assertEquals(3, loads)
    findUser.clear()
    findUser(1L)
    findUser(2L)
    assertEquals(5, loads)
  }

  @Test
  fun `a memoized suspend function caches neither null nor failures`() = runTest {
    var calls = 0
    val lookup = memoize<String, String?>("lookup") { name ->
      calls++
      when (name) {
        "missing" -> null
        "broken" -> throw IOException("down")
        else -> name.uppercase()
      }
    }

    assertNull(lookup("missing"))
    assertNull(lookup("missing"))
    assertFailsWith<IOException> { lookup("broken") }
    assertFailsWith<IOException> { lookup("broken") }
    assertEquals("OK", lookup("ok"))
    assertEquals("OK", lookup("ok"))
    assertEquals(5, calls)
  }

  @Test
  fun `a memoized suspend function uses the given key`() = runTest {
    class Query(val team: String, val page: Int) // no toString of its own
    var calls = 0
    val search = memoize("search", key = { q: Query -> "${q.team}/${q.page}" }) { q: Query ->
      calls++
      listOf("${q.team} #${q.page}")
    }

    assertEquals(listOf("core #1"), search(Query("core", 1)))
    assertEquals(listOf("core #1"), search(Query("core", 1))) // a different instance, the same key
    assertEquals(1, calls)
  }

  @Test
  fun `a memoized suspend function gives up after its fetchTimeout, in virtual time`() = runTest {
    var calls = 0
    val slow = memoize("slow", fetchTimeout = 2.seconds) { x: Int -> calls++; delay(10.seconds); x }

    assertFailsWith<FetchTimeoutException> { slow(1) }
    assertEquals(2_000, currentTime)
    runCurrent() // the abandoned call ends at the same virtual instant
    assertFailsWith<FetchTimeoutException> { slow(1) } // nothing was cached: the next call runs the body again
    assertEquals(2, calls)
  }

  @Test
  fun `memoize rejects a bad ttl at once`() {
    assertFailsWith<IllegalArgumentException> { memoize("bad", ttl = (-1).seconds) { x: Int -> x } }
  }
}
