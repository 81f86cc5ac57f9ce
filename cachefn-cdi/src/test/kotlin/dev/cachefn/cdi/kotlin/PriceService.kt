package dev.cachefn.cdi.kotlin

import dev.cachefn.cdi.CacheKey
import dev.cachefn.cdi.InvalidateTags
import dev.cachefn.cdi.Memoize
import jakarta.enterprise.context.ApplicationScoped
import java.util.concurrent.atomic.AtomicInteger

/** A Kotlin bean with memoized functions; final in Kotlin, opened by the all-open compiler plugin. */
@ApplicationScoped
class PriceService {

    val calls = AtomicInteger()

    @Memoize(cache = "prices", ttl = "5m", tags = ["prices", "price:{sku}"])
    fun price(@CacheKey sku: String, requestId: String): Long {
        calls.incrementAndGet()
        return sku.length * 100L
    }

    @Memoize(cache = "discounts")
    fun discount(sku: String): Long? {
        calls.incrementAndGet()
        return if (sku.startsWith("sale-")) 10L else null
    }

    @InvalidateTags("price:{sku}")
    fun reprice(sku: String) {}
}
