package dev.cachefn.kotlin.cdi

import dev.cachefn.cdi.CacheKey
import dev.cachefn.cdi.CacheKeyGenerator
import dev.cachefn.cdi.Invalidate
import dev.cachefn.cdi.InvalidateTags
import dev.cachefn.cdi.Memoize
import jakarta.enterprise.context.ApplicationScoped
import java.io.IOException
import java.lang.reflect.Method
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.delay

/** A Kotlin bean with memoized `suspend` functions; opened for Weld by the all-open compiler plugin. */
@ApplicationScoped
class QuoteService {

  val calls = AtomicInteger()

  /** A slow exchange, in virtual time; symbols starting with "down" fail after the wait. */
  @Memoize(cache = "quotes", tags = ["quote:{symbol}"])
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

  /** Returns without ever suspending. */
  @Memoize(cache = "flags")
  suspend fun flag(name: String): Boolean {
    calls.incrementAndGet()
    return name.startsWith("on")
  }

  @Memoize(cache = "orders")
  suspend fun order(@CacheKey id: Long, traceId: String): String {
    calls.incrementAndGet()
    delay(1.seconds)
    return "order $id"
  }

  @Memoize(cache = "by-generator", keyGenerator = ArgumentsKey::class)
  suspend fun generated(symbol: String): Long {
    calls.incrementAndGet()
    return symbol.length.toLong()
  }

  /** Removes the quote once it has delisted, which takes a second; "down" symbols fail to delist. */
  @Invalidate(cache = "quotes")
  suspend fun delist(symbol: String) {
    delay(1.seconds)
    if (symbol.startsWith("down")) throw IOException("cannot delist $symbol")
  }

  @InvalidateTags("quote:{symbol}", before = true)
  suspend fun reprice(symbol: String) {
    delay(1.seconds)
  }
}

/** A key of every argument the generator sees, so a test can tell whether the continuation was among them. */
class ArgumentsKey : CacheKeyGenerator {
  override fun key(method: Method, arguments: Array<Any?>): String = arguments.joinToString("|")
}
