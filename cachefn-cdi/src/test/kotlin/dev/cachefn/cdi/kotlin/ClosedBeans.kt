package dev.cachefn.cdi.kotlin

import dev.cachefn.cdi.Memoize
import jakarta.inject.Singleton

/**
 * A Kotlin bean that all-open does not open (this module's tests open `@ApplicationScoped` classes only): its
 * funs are final, so CDI cannot intercept them.
 */
@Singleton
class ClosedPriceService {

  @Memoize(cache = "prices")
  fun price(sku: String): Long = sku.length * 100L
}
