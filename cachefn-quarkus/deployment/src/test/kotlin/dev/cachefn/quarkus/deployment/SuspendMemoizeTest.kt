package dev.cachefn.quarkus.deployment

import dev.cachefn.FetchTimeoutException
import dev.cachefn.cdi.Invalidate
import dev.cachefn.cdi.Memoize
import dev.cachefn.cdi.NamedCaches
import io.quarkus.test.QuarkusUnitTest
import jakarta.enterprise.context.ApplicationScoped
import jakarta.inject.Inject
import java.io.IOException
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.currentTime
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/**
 * `@Memoize` and `@Invalidate` on `suspend` funs of a Kotlin bean under ArC, in the virtual time of
 * kotlinx-coroutines-test: the extension's build-time checks accept them, and at run time cachefn-cdi finds
 * cachefn-kotlin's `AsyncResultType` through `ServiceLoader`, as on Weld.
 */
@OptIn(ExperimentalCoroutinesApi::class) // the test scheduler's virtual-time APIs
class SuspendMemoizeTest {

  companion object {
    @JvmField
    @RegisterExtension
    val app: QuarkusUnitTest = QuarkusUnitTest().withApplicationRoot { it.addClasses(Quotes::class.java, QuoteBoard::class.java) }
  }

  @Inject
  lateinit var quotes: Quotes

  @Inject
  lateinit var caches: NamedCaches

  @Inject
  lateinit var board: QuoteBoard

  private val cached get() = caches.get<Long>("quotes")

  @BeforeEach
  fun reset() {
    cached.clear()
    quotes.calls.set(0)
  }

  @Test
  fun `a second call with the same argument does not run the body`() = runTest {
    assertThat(quotes.quote("abc")).isEqualTo(300L)
    assertThat(quotes.quote("abc")).isEqualTo(300L)
    assertThat(quotes.quote("wxyz")).isEqualTo(400L)

    assertThat(quotes.calls.get()).isEqualTo(2)
    assertThat(cached.keys("*")).containsExactlyInAnyOrder("abc", "wxyz")
  }

  @Test
  fun `concurrent coroutines share one call`() = runTest {
    val results = List(100) { async { quotes.quote("abc") } }.awaitAll()

    assertThat(results).containsOnly(300L).hasSize(100)
    assertThat(quotes.calls.get()).isEqualTo(1)
    assertThat(currentTime).isEqualTo(1_000) // one second of virtual time: every caller waited for the same call
  }

  @Test
  fun `a failure is not cached`() = runTest {
    val first = runCatching { quotes.quote("down-1") }.exceptionOrNull()
    assertThat(first).isInstanceOf(IOException::class.java).hasMessage("exchange down for down-1")
    assertThat(cached.has("down-1")).isFalse()

    val second = runCatching { quotes.quote("down-1") }.exceptionOrNull()
    assertThat(second).isInstanceOf(IOException::class.java)
    assertThat(quotes.calls.get()).isEqualTo(2) // called again: the failure was not cached
  }

  @Test
  fun `an invalidating suspend fun drops the entry once it has completed`() = runTest {
    quotes.quote("abc")

    val delisting = launch { quotes.delist("abc") }
    runCurrent() // delist is suspended in its delay
    assertThat(cached.has("abc")).`as`("not invalidated before the function completed").isTrue()
    advanceUntilIdle()

    assertThat(delisting.isCompleted).isTrue()
    assertThat(cached.has("abc")).isFalse()
    assertThat(quotes.quote("abc")).isEqualTo(300L)
    assertThat(quotes.calls.get()).isEqualTo(2)
  }

  @Test
  fun `a suspend call that runs past its fetchTimeout is abandoned after it, in virtual time`() = runTest {
    val failure = runCatching { quotes.slowQuote("abc") }.exceptionOrNull()

    assertThat(failure).isInstanceOf(FetchTimeoutException::class.java).hasMessageContaining("'abc'")
    assertThat(currentTime).isEqualTo(5_000)
    assertThat(caches.get<Long>("slow-quotes").has("abc")).isFalse()
    runCurrent() // the abandoned call ends at the same virtual instant
    runCatching { quotes.slowQuote("abc") }
    assertThat(quotes.calls.get()).`as`("the next call runs the body again").isEqualTo(2)
  }

  @Test
  fun `an ApplicationScoped Kotlin bean may inject into a lateinit var under ArC`() = runTest {
    quotes.quote("abc")

    assertThat(board.cachedQuote("abc")).isEqualTo(300L) // Weld rejects such a bean (WELD-000075); ArC does not
  }

  /** Injects into a `lateinit var`, a public field on the JVM. */
  @ApplicationScoped
  class QuoteBoard {
    @Inject
    lateinit var caches: NamedCaches

    fun cachedQuote(symbol: String): Long? = caches.get<Long>("quotes").get(symbol)
  }

  /** A slow exchange, in virtual time; symbols starting with "down" fail after the wait. */
  @ApplicationScoped
  class Quotes {

    val calls = AtomicInteger()

    @Memoize(cache = "quotes")
    suspend fun quote(symbol: String): Long {
      calls.incrementAndGet()
      delay(1.seconds)
      if (symbol.startsWith("down")) throw IOException("exchange down for $symbol")
      return symbol.length * 100L
    }

    /** Takes a minute, far past its fetch timeout. */
    @Memoize(cache = "slow-quotes", fetchTimeout = "5s")
    suspend fun slowQuote(symbol: String): Long {
      calls.incrementAndGet()
      delay(1.minutes)
      return symbol.length * 100L
    }

    /** Removes the quote once it has delisted, which takes a second. */
    @Invalidate(cache = "quotes")
    suspend fun delist(symbol: String) {
      delay(1.seconds)
    }
  }
}
