package dev.cachefn.kotlin.cdi

import dev.cachefn.cdi.Memoize
import dev.cachefn.cdi.internal.CacheFnExtension
import jakarta.enterprise.context.ApplicationScoped
import kotlin.test.Test
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.jboss.weld.environment.se.Weld

/**
 * The start-up messages about a `suspend` fun on Weld, with cachefn-kotlin present: its parameters are the
 * ones the Kotlin source declares, without the continuation the compiler adds.
 */
class SuspendMessagesOnWeldTest {

  /** Tag templates that name no parameter of the suspend funs. */
  @ApplicationScoped
  class Mistyped {
    @Memoize(cache = "quotes", tags = ["quote:{id}"])
    suspend fun quote(symbol: String): Long = symbol.length * 100L

    /** `{1}` would have been the continuation. */
    @Memoize(cache = "quotes", tags = ["quote:{1}"])
    suspend fun later(symbol: String): Long = symbol.length * 100L
  }

  @Test
  fun `a template naming no parameter of a suspend fun lists its parameters without the continuation`() {
    val failure = assertFailsWith<Exception> {
      Weld().disableDiscovery().addExtension(CacheFnExtension()).addBeanClasses(Mistyped::class.java).initialize()
        .shutdown()
    }
    val message = failure.message.orEmpty()

    val name = Mistyped::class.java.name
    assertTrue("@Memoize on suspend fun $name.quote(String): template 'quote:{id}' refers to '{id}', but the" +
      " method has no parameter 'id'; its parameters: [symbol]" in message, message)
    assertTrue("@Memoize on suspend fun $name.later(String): template 'quote:{1}' refers to '{1}', but the" +
      " method has no parameter '1'; its parameters: [symbol]" in message, message)
  }
}
