package dev.cachefn.cdi.kotlin

import dev.cachefn.cdi.Memoize
import jakarta.enterprise.context.ApplicationScoped

/**
 * A Kotlin bean compiled without -java-parameters (its own compilation in this module's pom): a tag template
 * cannot name its parameters, and the start-up message says how Kotlin keeps them.
 */
@ApplicationScoped
class UnnamedParameters {

  @Memoize(cache = "prices", tags = ["price:{sku}"])
  fun price(sku: String): Long = sku.length * 100L
}
