package dev.cachefn.cdi.kotlin

import dev.cachefn.Cache
import dev.cachefn.cdi.CacheName
import dev.cachefn.cdi.NamedCaches
import jakarta.enterprise.context.ApplicationScoped
import jakarta.inject.Inject

/**
 * Injection into Kotlin, through the constructor: a `lateinit var` would be a public field, which CDI
 * rejects on a normal-scoped bean (WELD-000075).
 */
@ApplicationScoped
class PriceBoard @Inject constructor(
    @param:CacheName("prices") private val prices: Cache<Long>,
    private val caches: NamedCaches,
) {

    /** Kotlin reads the cache's JSpecify nullness: a lookup is a `Long?`. */
    fun cachedPrice(sku: String): Long? = prices.get(sku)

    fun pricesName(): String = prices.name()

    fun discounts(): Cache<Long> = caches.get("discounts")
}

/** Injects into a `lateinit var`, a public field on the JVM: Weld rejects it on a normal-scoped bean. */
@ApplicationScoped
class LateinitPriceBoard {

    @Inject
    lateinit var caches: NamedCaches
}
