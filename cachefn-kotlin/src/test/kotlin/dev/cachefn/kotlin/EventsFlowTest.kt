package dev.cachefn.kotlin

import dev.cachefn.CacheEvent
import dev.cachefn.CacheEventType
import dev.cachefn.EvictionPolicy
import dev.cachefn.SetOptions
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.async
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.UnconfinedTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

/** `Cache.events(type)` as a cold Flow that subscribes on collect and unsubscribes when collection stops. */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class EventsFlowTest {

  @Test
  fun `the flow is cold, nothing subscribes until it is collected`() = runTest {
    val users = CountingCache(cache<String>("users"))

    val flow = users.events(CacheEventType.SET)
    users["user:1"] = "Ada"

    assertEquals(0, users.openSubscriptions)
    assertEquals(0, users.delivered)
    flow.hashCode() // the flow exists, unused
  }

  @Test
  fun `a collector receives the events of its kind, in order`() = runTest {
    val users = CountingCache(cache<String>("users"))
    val seen = mutableListOf<CacheEvent<String>>()
    val collector = launch(UnconfinedTestDispatcher(testScheduler)) {
      users.events(CacheEventType.SET).collect { seen += it }
    }
    runCurrent()

    users["user:1"] = "Ada"
    users["user:2"] = "Linus"
    users.delete("user:1") // a DELETE, not a SET
    runCurrent()

    assertEquals(listOf("user:1" to "Ada", "user:2" to "Linus"), seen.map { it.key to it.value })
    assertEquals(listOf(CacheEventType.SET, CacheEventType.SET), seen.map { it.type })
    collector.cancel()
  }

  @Test
  fun `the subscription closes when the collection completes, and later events are not delivered`() = runTest {
    val users = CountingCache(cache<String>("users"))
    val firstTwo = async(UnconfinedTestDispatcher(testScheduler)) {
      users.events(CacheEventType.SET).take(2).toList()
    }
    runCurrent()
    assertEquals(1, users.openSubscriptions)

    users["user:1"] = "Ada"
    users["user:2"] = "Linus"
    assertEquals(listOf("user:1", "user:2"), firstTwo.await().map { it.key })
    runCurrent()

    assertEquals(0, users.openSubscriptions)
    users["user:3"] = "Grace"
    assertEquals(2, users.delivered) // the third SET reached no listener
  }

  @Test
  fun `the subscription closes when the collector is cancelled`() = runTest {
    val users = CountingCache(cache<String>("users"))
    val seen = mutableListOf<String?>()
    val collector = launch(UnconfinedTestDispatcher(testScheduler)) {
      users.events(CacheEventType.EVICTION).collect { seen += it.key }
    }
    runCurrent()
    assertEquals(1, users.openSubscriptions)

    collector.cancel()
    runCurrent()

    assertEquals(0, users.openSubscriptions)
    users.set("user:1", "Ada")
    assertEquals(0, users.delivered)
    assertEquals(emptyList(), seen)
  }

  @Test
  fun `each collection has its own subscription`() = runTest {
    val users = CountingCache(cache<String>("users"))
    val dispatcher = UnconfinedTestDispatcher(testScheduler)
    val a = async(dispatcher) { users.events(CacheEventType.HIT).take(1).toList() }
    val b = async(dispatcher) { users.events(CacheEventType.HIT).take(1).toList() }
    runCurrent()
    assertEquals(2, users.openSubscriptions)

    users["user:1"] = "Ada"
    users["user:1"]

    assertEquals("user:1", a.await().single().key)
    assertEquals("user:1", b.await().single().key)
    runCurrent()
    assertEquals(0, users.openSubscriptions)
  }

  @Test
  fun `an eviction flow gives each evicted key as a String`() = runTest {
    val users = cache<String>("users") {
      maxSize = 1
      evictionPolicy = EvictionPolicy.LRU // the test names the entries LRU evicts
    }
    val evicted = async(UnconfinedTestDispatcher(testScheduler)) {
      users.events(CacheEventType.EVICTION).take(2).toList().map { it.entryKey } // List<String>, no !!
    }
    runCurrent()

    users["user:1"] = "Ada"
    users["user:2"] = "Linus" // evicts user:1
    users["user:3"] = "Grace" // evicts user:2

    val keys: List<String> = evicted.await()
    assertEquals(listOf("user:1", "user:2"), keys)
  }

  @Test
  fun `entryKey of an invalidation by tag fails, naming what selected the entries`() = runTest {
    val users = cache<String>("users")
    val invalidations = async(UnconfinedTestDispatcher(testScheduler)) {
      users.events(CacheEventType.INVALIDATE).take(2).toList()
    }
    runCurrent()

    users.set("user:1", "Ada", SetOptions.tags("team:core"))
    users.set("user:2", "Linus", SetOptions.tags("team:core"))
    users.invalidate("user:1")
    users.invalidateByTag("team:core")
    val (byKey, byTag) = invalidations.await()

    assertEquals("user:1", byKey.entryKey) // an invalidation of one key carries it
    val failure = assertFailsWith<IllegalStateException> { byTag.entryKey }
    assertEquals("this INVALIDATE event of cache 'users' has no key: it selected entries by tags [team:core], not by"
      + " one key; read key, which is null for such events", failure.message)
  }
}
