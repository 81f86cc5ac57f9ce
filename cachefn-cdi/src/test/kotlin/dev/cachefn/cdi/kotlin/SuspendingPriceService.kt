package dev.cachefn.cdi.kotlin

import dev.cachefn.cdi.Invalidate
import dev.cachefn.cdi.Memoize
import jakarta.enterprise.context.ApplicationScoped

/** A memoized `suspend` fun; this module's tests run without cachefn-kotlin, which caching it needs. */
@ApplicationScoped
class SuspendingPriceService {

    @Memoize(cache = "prices")
    suspend fun price(sku: String): Long = sku.length * 100L
}

/** A memoized `suspend` fun with no result: a mistake that start-up reports. */
@ApplicationScoped
class SuspendingRefresher {

    @Memoize(cache = "refreshes")
    suspend fun refresh(sku: String) {}
}

/** An invalidation on a `suspend` fun: without cachefn-kotlin it cannot wait for the coroutine, and start-up says so. */
@ApplicationScoped
class SuspendingDelister {

  @Invalidate(cache = "prices")
  suspend fun delist(sku: String) {}
}
