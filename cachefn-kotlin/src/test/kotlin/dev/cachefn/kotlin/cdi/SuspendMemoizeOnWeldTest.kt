package dev.cachefn.kotlin.cdi

import dev.cachefn.FetchTimeoutException
import dev.cachefn.cdi.NamedCaches
import dev.cachefn.cdi.internal.CacheFnExtension
import java.io.IOException
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.jboss.weld.environment.se.Weld
import org.jboss.weld.environment.se.WeldContainer

/**
 * `@Memoize` and the invalidation annotations on `suspend` functions of a CDI bean, on Weld SE, in the virtual
 * time of kotlinx-coroutines-test: the interceptor sees the trailing `Continuation` parameter and hands the
 * call to cachefn-kotlin's coroutine support.
 */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class SuspendMemoizeOnWeldTest {

  private val container: WeldContainer = Weld().disableDiscovery()
    .addExtension(CacheFnExtension())
    .addBeanClasses(QuoteService::class.java, Loop::class.java)
    .initialize()

  @AfterTest
  fun stopContainer() {
    container.shutdown()
  }

  private val service get() = container.select(QuoteService::class.java).get()
  private fun cache(name: String) = container.select(NamedCaches::class.java).get().get<Any>(name)

  @Test
  fun `1,000 coroutines calling a memoized suspend fun share one call`() = runTest {
    val quotes = service

    val results = List(1_000) { async { quotes.quote("abc") } }.awaitAll()

    assertEquals(List(1_000) { 300L }, results)
    assertEquals(1, quotes.calls.get())
    assertEquals(1_000, currentTime) // one second of virtual time: every caller waited for the same call
  }

  @Test
  fun `a memoized suspend fun running past its fetchTimeout is abandoned after it, in virtual time`() = runTest {
    val quotes = service

    assertFailsWith<FetchTimeoutException> { quotes.slowQuote("abc") }

    assertEquals(5_000, currentTime)
    assertFalse(cache("slow-quotes").has("abc"))
    runCurrent() // the abandoned call ends at the same virtual instant
    runCatching { quotes.slowQuote("abc") }
    assertEquals(2, quotes.calls.get(), "the next call runs the body again")
  }

  @Test
  fun `the key is made of the arguments, not of the continuation`() = runTest {
    val quotes = service

    quotes.quote("abc")
    quotes.quote("abc")
    quotes.quote("xyz")
    quotes.order(7, traceId = "t1")
    quotes.order(7, traceId = "t2") // not a @CacheKey

    assertEquals(3, quotes.calls.get())
    assertEquals(setOf("abc", "xyz"), cache("quotes").keys("*").toSet())
    assertEquals(listOf("7"), cache("orders").keys("*"))
  }

  @Test
  fun `a key generator sees the arguments without the continuation`() = runTest {
    val quotes = service

    assertEquals(3L, quotes.generated("abc"))
    assertEquals(3L, quotes.generated("abc"))

    assertEquals(1, quotes.calls.get())
    assertEquals(listOf("abc"), cache("by-generator").keys("*"))
  }

  @Test
  fun `a suspend fun that never suspends is memoized too`() = runTest {
    val quotes = service

    assertTrue(quotes.flag("on-sale"))
    assertTrue(quotes.flag("on-sale"))
    assertFalse(quotes.flag("off"))

    assertEquals(2, quotes.calls.get())
  }

  @Test
  fun `a failure reaches every waiting caller and is not cached`() = runTest {
    val quotes = service

    val outcomes = List(3) { async { runCatching { quotes.quote("down-1") } } }.awaitAll()

    assertEquals(1, quotes.calls.get())
    outcomes.forEach { assertEquals("exchange down for down-1", (it.exceptionOrNull() as IOException).message) }
    assertFalse(cache("quotes").has("down-1"))
    assertFailsWith<IOException> { quotes.quote("down-1") }
    assertEquals(2, quotes.calls.get()) // called again: the failure was not cached
  }

  @Test
  fun `cancelling one caller cancels neither the shared call nor the other callers`() = runTest {
    val quotes = service

    val first = async { quotes.quote("abc") } // starts the call
    val second = async { quotes.quote("abc") }
    runCurrent()
    first.cancel()
    advanceUntilIdle()

    assertFailsWith<CancellationException> { first.await() }
    assertEquals(300L, second.await())
    assertEquals(1, quotes.calls.get())
    assertEquals(300L, cache("quotes").get("abc")) // the call completed and its result was stored
  }

  @Test
  fun `an invalidation after a suspend fun waits for the coroutine to complete`() = runTest {
    val quotes = service
    quotes.quote("abc")

    val delisting = launch { quotes.delist("abc") }
    runCurrent() // delist is suspended in its delay
    assertTrue(cache("quotes").has("abc"), "not invalidated before the function completed")
    advanceUntilIdle()

    assertTrue(delisting.isCompleted)
    assertFalse(cache("quotes").has("abc"))
  }

  @Test
  fun `a suspend fun that fails invalidates nothing`() = runTest {
    val quotes = service
    cache("quotes").set("down-2", 1L)

    assertFailsWith<IOException> { quotes.delist("down-2") }

    assertTrue(cache("quotes").has("down-2"))
  }

  @Test
  fun `an invalidation before a suspend fun acts before it runs`() = runTest {
    val quotes = service
    quotes.quote("abc")

    val repricing = launch { quotes.reprice("abc") }
    runCurrent()
    assertFalse(cache("quotes").has("abc"))
    advanceUntilIdle()
    assertTrue(repricing.isCompleted)
  }

  @Test
  fun `a memoized suspend fun that needs its own result fails instead of waiting forever`() = runTest {
    val loop = container.select(Loop::class.java).get()

    val failure = assertFailsWith<IllegalStateException> { loop.depth(1) }

    assertTrue("key '1' in cache 'loops'" in failure.message.orEmpty(), failure.message)
    assertFalse(cache("loops").has("1"))
  }
}
