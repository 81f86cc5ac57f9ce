package dev.cachefn.kotlin.callsites

import dev.cachefn.Cache
import dev.cachefn.CacheEventType
import dev.cachefn.EvictionPolicy
import dev.cachefn.MemoizedFunction
import dev.cachefn.Memoizer
import dev.cachefn.kotlin.cache
import dev.cachefn.kotlin.entryKey
import dev.cachefn.kotlin.events
import dev.cachefn.kotlin.getOrFetchSuspending
import dev.cachefn.kotlin.getOrPut
import dev.cachefn.kotlin.memoize
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.time.Duration.Companion.minutes
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.test.UnconfinedTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

/**
 * The call sites a Kotlin user writes, from a package of their own with the imports the README lists: each
 * declared type below is checked by the compiler, so this file compiles only while a fetcher or function that
 * cannot return `null` gives a non-null result (no `!!`), a nullable one keeps `null`, and the operators need
 * no import of their own.
 */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class CallSitesTest {

  open class Person(val name: String)
  class Admin(name: String) : Person(name)

  private class Repository {
    var calls = 0
    fun find(id: Long): Person { calls++; return Person("person $id") }
    fun findOrNull(id: Long): Person? { calls++; return if (id == 1L) Person("Ada") else null }
    suspend fun fetch(id: Long): Person { calls++; delay(1); return Person("fetched $id") }
  }

  @Test
  fun `blocking getOrPut gives a non-null result for a non-null fetcher`() {
    val people: Cache<Person> = cache("people")
    val repository = Repository()

    val found: Person = people.getOrPut("person:7") { repository.find(7) }
    val again: Person = people.getOrPut("person:7", ttl = 5.minutes, tags = setOf("team")) { repository.find(7) }
    val admin: Person = people.getOrPut("person:8") { Admin("Grace") } // a subtype: the result is the cache's type
    val absent: Person? = people.getOrPut("person:9") { repository.findOrNull(9) }

    assertEquals("person 7", found.name)
    assertEquals(found, again)
    assertEquals("Grace", admin.name)
    assertNull(absent)
    assertEquals(2, repository.calls) // person:7 once, person:9 (null is not cached) once
  }

  @Test
  fun `getOrFetchSuspending gives a non-null result for a suspending non-null fetcher`() = runTest {
    val people = cache<Person>("people")
    val repository = Repository()

    val fetched: Person = people.getOrFetchSuspending("person:1") { repository.fetch(1) }
    val maybe: Person? = people.getOrFetchSuspending("person:2") { repository.findOrNull(2) }

    assertEquals("fetched 1", fetched.name)
    assertNull(maybe)
  }

  @Test
  fun `memoized functions, Java and suspending, give non-null results and are called without an import`() = runTest {
    val repository = Repository()
    val find: MemoizedFunction<Long, Person> = Memoizer.builder("find").function { id: Long -> repository.find(id) }
    val fetch = memoize("fetch", maxSize = 10) { id: Long -> repository.fetch(id) }
    val lookup = memoize("lookup") { id: Long -> repository.findOrNull(id) }

    val first: Person = find(1L) // MemoizedFunction.invoke, a member: no import
    val second: Person = fetch(2L)
    val third: Person? = lookup(3L)

    assertEquals("person 1", first.name)
    assertEquals("fetched 2", second.name)
    assertNull(third)
  }

  @Test
  fun `the DSL sets the eviction policy and an Int size, and an eviction flow gives String keys`() = runTest {
    val capacity = 1
    val people = cache<Person>("people") {
      maxSize = capacity
      evictionPolicy = EvictionPolicy.LRU
    }
    val firstEvicted = async(UnconfinedTestDispatcher(testScheduler)) {
      people.events(CacheEventType.EVICTION).first().entryKey
    }
    runCurrent()

    people["person:1"] = Person("Ada")
    people["person:2"] = Person("Linus")

    val key: String = firstEvicted.await()
    assertEquals("person:1", key)
  }
}
