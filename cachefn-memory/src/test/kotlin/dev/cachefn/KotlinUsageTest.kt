package dev.cachefn

import java.io.IOException
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.CompletionStage
import kotlin.reflect.KType
import kotlin.reflect.typeOf
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.test.assertSame
import kotlin.test.assertTrue

/**
 * The API as a Kotlin user writes it: the JSpecify annotations give Kotlin real nullable and non-null types
 * (no platform types), Java functional interfaces take Kotlin lambdas and function references, and records
 * read as properties. Deterministic: time comes from a hand-driven ticker, futures are completed by hand.
 */
class KotlinUsageTest {

  data class User(val id: Long, val name: String)

  data class Query(val team: String, val page: Int)

  /** A stand-in for a database, counting its loads. */
  class UserRepository {
    private val rows = mapOf(1L to User(1, "Ada"), 2L to User(2, "Linus"))
    var loads = 0
      private set

    fun load(id: Long): User? {
      loads++
      return rows[id]
    }
  }

  private val ada = User(1, "Ada")
  private val linus = User(2, "Linus")
  private val repo = UserRepository()

  /** A time source driven by the test: a Kotlin lambda as the Java `Ticker`. */
  private var nanos = 0L
  private val ticker = Ticker { nanos }

  private fun advance(by: Duration) {
    nanos += by.toNanos()
  }

  private val users: Cache<User> = CacheFn.builder("users").maxSize(100).ticker(ticker).build()

  @Test
  fun `JSpecify nullness reaches Kotlin as real types, not platform types`() {
    // the control: an unannotated JDK method gives a platform type, which reifies with a "!"
    assertEquals("kotlin.String!", staticType(System.getProperty("java.version")).toString())

    assertEquals(typeOf<User?>(), staticType(users.get("user:1")))
    assertEquals(typeOf<User?>(), staticType(users.getOrFetch("user:1") { repo.load(1) }))
    assertEquals(
      typeOf<CompletionStage<User?>>(),
      staticType(users.getOrFetchAsync("user:2") { CompletableFuture.completedFuture(linus) }),
    )
    assertEquals(typeOf<String>(), staticType(users.name()))
    assertEquals(typeOf<Long>(), staticType(users.stats().hits))
    assertEquals(typeOf<Duration?>(), staticType(SetOptions.none().ttl()))
    assertEquals(typeOf<Duration?>(), staticType(CacheFn.builder("typed").options().defaultTtl))
    assertEquals(typeOf<String?>(), staticType(CacheEvent.ofEntry<User>(CacheEventType.MISS, "users", "k", null).key))
    // Java collections stay "(Mutable)" as in any Java API, but their elements are not platform types
    assertEquals("kotlin.collections.(Mutable)Set<kotlin.String>", staticType(SetOptions.tags("a").tags()).toString())
    assertEquals(
      "kotlin.collections.(Mutable)Map<kotlin.String, ${User::class.qualifiedName}>",
      staticType(users.getMany(listOf("user:1"))).toString(),
    )
  }

  @Test
  fun `get is nullable, set takes a data class, and smart casts work`() {
    val missing: User? = users.get("user:1")
    assertNull(missing)

    users.set("user:1", ada)
    val found = users.get("user:1")
    assertEquals("Ada", found?.name)
    if (found != null) {
      assertEquals(1L, found.id) // smart cast from User? to User
    }
    assertSame(ada, found) // stored by reference, not copied
    assertEquals(User(1, "Ada"), found) // data class equality

    users.set("user:1", ada.copy(name = "Ada Lovelace"))
    assertEquals("Ada Lovelace", users.get("user:1")?.name)
    assertEquals("?", users.get("user:404")?.name ?: "?")
  }

  @Test
  fun `bulk operations take and return Kotlin collections`() {
    users.setMany(mapOf("user:1" to ada, "user:2" to linus))

    val found: Map<String, User> = users.getMany(listOf("user:1", "user:404", "user:2"))
    assertEquals(listOf("user:1", "user:2"), found.keys.toList())
    assertEquals(listOf("Ada", "Linus"), found.values.map { it.name }) // values are User, not User?
    assertEquals(listOf("user:1", "user:2"), users.keys("user:*").sorted())
    assertEquals(2, users.deleteMany(setOf("user:1", "user:2", "user:3")))
  }

  @Test
  fun `getOrFetch takes a trailing lambda and stores its result once`() {
    val first: User? = users.getOrFetch("user:1") { repo.load(1) }
    val second = users.getOrFetch("user:1") { repo.load(1) }

    assertEquals(ada, first)
    assertSame(first, second)
    assertEquals(1, repo.loads)
    assertTrue(users.has("user:1"))
  }

  @Test
  fun `getOrFetch passes a null result on without storing it`() {
    val nobody = users.getOrFetch("user:404") { repo.load(404) }

    assertNull(nobody)
    assertFalse(users.has("user:404"))
    users.getOrFetch("user:404") { repo.load(404) }
    assertEquals(2, repo.loads) // nothing was cached, so it fetched again
  }

  @Test
  fun `getOrFetch with options takes the lambda in the middle`() {
    val options = SetOptions.ttl(Duration.ofMinutes(5)).withTags("users")

    val fetched = users.getOrFetch("user:2", { repo.load(2) }, options)

    assertEquals(linus, fetched)
    advance(Duration.ofMinutes(4))
    assertEquals(linus, users.get("user:2"))
    assertEquals(1, users.invalidateByTag("users"))
    assertNull(users.get("user:2"))
  }

  @Test
  fun `a Kotlin fetcher may throw a checked exception, which reaches the caller as is`() {
    val failure = assertFailsWith<IOException> {
      users.getOrFetch("user:1") { throw IOException("database down") }
    }

    assertEquals("database down", failure.message)
    assertFalse(users.has("user:1"))
    assertEquals(ada, users.getOrFetch("user:1") { repo.load(1) }) // the failure was not cached
  }

  @Test
  fun `a fetcher can be a function reference`() {
    fun loadAda(): User = repo.load(1) ?: error("no user 1")

    assertEquals(ada, users.getOrFetch("user:1", ::loadAda))
    assertEquals(1, repo.loads)
  }

  @Test
  fun `SetOptions TTL and tags run on a fake ticker`() {
    users.set("user:1", ada, SetOptions.ttl(Duration.ofMinutes(5)).withTags("users"))
    users.set("user:2", linus, SetOptions.tags("users", "admins"))

    advance(Duration.ofMinutes(5).minusNanos(1))
    assertEquals(ada, users.get("user:1"))
    advance(Duration.ofNanos(1))
    assertNull(users.get("user:1"))
    assertFalse(users.has("user:1"))
    assertEquals(linus, users.get("user:2")) // no TTL of its own, no default TTL

    assertEquals(1, users.invalidateByTags(listOf("admins")))
    assertEquals(0L, users.size())
  }

  @Test
  fun `listeners are lambdas and a subscription closes with use`() {
    val small: Cache<User> = CacheFn.builder("small").maxSize(2).evictionPolicy(EvictionPolicy.LRU).build()
    val evicted = mutableListOf<String>()

    small.on(CacheEventType.EVICTION) { e -> e.key?.let(evicted::add) }.use {
      small.set("user:1", ada)
      small.set("user:2", linus)
      small.set("user:3", User(3, "Grace")) // evicts user:1, the least recently used
    }
    small.set("user:4", User(4, "Barbara")) // evicts user:2, but nobody listens any more

    assertEquals(listOf("user:1"), evicted)
  }

  @Test
  fun `event records read as properties, and the value has the cache's type`() {
    val events = mutableListOf<CacheEvent<out User>>()
    val seen = mutableListOf<String>()
    users.on(CacheEventType.SET) { e -> events += e }
    users.on(CacheEventType.SET) { e ->
      val user: User? = e.value // CacheEvent<out User>.value is User?
      seen += "${e.type} ${e.cacheName} ${e.key} ${user?.name} ${e.count}"
    }

    users.set("user:1", ada)

    assertEquals(listOf("SET users user:1 Ada 1"), seen)
    val event = events.single()
    assertEquals(CacheEventType.SET, event.type)
    assertEquals(event.type, event.type()) // the record accessor works too
    assertEquals(emptySet(), event.tags)
    assertNull(event.pattern)
    assertEquals(ada, event.value)
  }

  @Test
  fun `one listener typed on a supertype serves caches of different types`() {
    val numbers: Cache<Int> = CacheFn.builder("numbers").build()
    val log = mutableListOf<String>()
    val logger = CacheListener<Any> { e -> log += "${e.cacheName}:${e.type}:${e.key}" }

    users.on(CacheEventType.MISS, logger)
    numbers.on(CacheEventType.MISS, logger)
    users.get("user:1")
    numbers.get("answer")

    assertEquals(listOf("users:MISS:user:1", "numbers:MISS:answer"), log)
    assertTrue(users.off(CacheEventType.MISS, logger))
    assertFalse(users.off(CacheEventType.MISS, logger))
    users.get("user:1")
    assertEquals(2, log.size)
  }

  @Test
  fun `an exhaustive when over the event type needs no null branch`() {
    val kinds = mutableListOf<String>()
    val listener = CacheListener<User> { e ->
      kinds += when (e.type) {
        CacheEventType.HIT, CacheEventType.MISS -> "read"
        CacheEventType.SET -> "write"
        CacheEventType.DELETE, CacheEventType.INVALIDATE -> "removal"
        CacheEventType.EVICTION, CacheEventType.EXPIRATION -> "housekeeping"
        CacheEventType.REFRESH, CacheEventType.STALE -> "freshness"
      }
    }
    CacheEventType.entries.forEach { users.on(it, listener) }

    users.set("user:1", ada)
    users.get("user:1")
    users.delete("user:1")

    assertEquals(listOf("write", "read", "removal"), kinds)
  }

  @Test
  fun `stats record components read as properties or accessors`() {
    users.set("user:1", ada)
    users.get("user:1")
    users.get("user:2")
    users.delete("user:1")

    val stats = users.stats()
    assertEquals(1L, stats.hits)
    assertEquals(stats.hits, stats.hits())
    assertEquals(1L, stats.misses)
    assertEquals(1L, stats.sets)
    assertEquals(1L, stats.deletes)
    assertEquals(0L, stats.size)
    assertEquals(2L, stats.requests())
    assertEquals(50.0, stats.hitRate())
    assertEquals(stats, users.stats()) // records compare by value
  }

  @Test
  fun `getOrFetchAsync takes a lambda returning a CompletableFuture, single flight`() {
    val pending = CompletableFuture<User>()
    var calls = 0

    val first: CompletionStage<User?> = users.getOrFetchAsync("user:1") {
      calls++
      pending
    }
    val second = users.getOrFetchAsync("user:1") {
      calls++
      CompletableFuture.completedFuture(linus)
    }

    assertFalse(first.toCompletableFuture().isDone)
    pending.complete(ada)
    assertEquals(ada, first.toCompletableFuture().join())
    assertEquals(ada, second.toCompletableFuture().join())
    assertEquals(1, calls)
    assertEquals(ada, users.get("user:1"))
    assertEquals(ada, users.getOrFetchAsync("user:1") { CompletableFuture.completedFuture(linus) }.toCompletableFuture().getNow(null))
  }

  @Test
  fun `getOrFetchAsync passes a failed future on and caches nothing`() {
    val stage = users.getOrFetchAsync("user:1") { CompletableFuture.failedFuture<User>(IOException("timeout")) }

    val failure = assertFailsWith<CompletionException> { stage.toCompletableFuture().join() }
    assertIs<IOException>(failure.cause)
    assertFalse(users.has("user:1"))
  }

  @Test
  fun `Memoizer wraps a function reference, keeping the function's nullability`() {
    val findUser: MemoizedFunction<Long, User?> = Memoizer.builder("findUser")
      .ttl(Duration.ofMinutes(5))
      .maxSize(100)
      .tags("users")
      .function(repo::load)

    assertEquals(ada, findUser.apply(1L))
    assertEquals(ada, findUser.apply(1L))
    assertNull(findUser.apply(404L))
    assertNull(findUser.apply(404L))
    assertEquals(3, repo.loads) // user 1 once, the null result of 404 twice (never cached)

    assertTrue(findUser.invalidate(1L))
    findUser.apply(1L)
    assertEquals(4, repo.loads)
  }

  @Test
  fun `Memoizer wraps Kotlin lambdas, keyed by a data class argument`() {
    var searches = 0
    val search = Memoizer.builder("search").function { q: Query ->
      searches++
      listOf("${q.team} #${q.page}")
    }
    val square = Memoizer.builder("square").function { n: Int -> n * n }
    val add = Memoizer.builder("add").biFunction { a: Int, b: Int -> a + b }
    var reads = 0
    val config = Memoizer.builder("config").supplier {
      reads++
      mapOf("region" to "eu")
    }

    assertEquals(listOf("core #1"), search.apply(Query("core", 1)))
    assertEquals(listOf("core #1"), search.apply(Query("core", 1))) // an equal data class, same key
    assertEquals(listOf("core #2"), search.apply(Query("core", 2)))
    assertEquals(2, searches)

    val squared: Int = square.apply(7) // a non-null function gives a non-null result
    assertEquals(49, squared)
    assertEquals(5, add.apply(2, 3))

    assertEquals("eu", config.get()["region"])
    config.get()
    assertEquals(1, reads)
    config.clear()
    config.get()
    assertEquals(2, reads)
  }

  @Test
  fun `Memoizer on a shared cache with a key generator lambda and a fake ticker`() {
    val findUser = Memoizer.builder("byId")
      .cache(users)
      .ttl(Duration.ofMinutes(1))
      .function({ id: Long -> repo.load(id) }, { id -> "user:$id" })

    assertEquals(ada, findUser.apply(1L))
    assertEquals(ada, users.get("user:1")) // stored in the shared cache under the generated key
    advance(Duration.ofMinutes(1))
    assertEquals(ada, findUser.apply(1L))
    assertEquals(2, repo.loads) // the first result expired on the shared cache's ticker
  }

  private inline fun <reified T> staticType(@Suppress("UNUSED_PARAMETER") value: T): KType = typeOf<T>()
}
