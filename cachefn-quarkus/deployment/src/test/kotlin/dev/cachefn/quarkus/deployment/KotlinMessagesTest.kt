package dev.cachefn.quarkus.deployment

import dev.cachefn.cdi.Memoize
import io.quarkus.test.QuarkusUnitTest
import jakarta.enterprise.context.ApplicationScoped
import jakarta.inject.Singleton
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/**
 * The build-time messages speak Kotlin to Kotlin beans, as on Weld: the all-open plugin for a final fun,
 * `-java-parameters` for missing parameter names (this module compiles its Kotlin tests without it), and a
 * `suspend` fun's parameters without the continuation.
 */
class KotlinMessagesTest {

  companion object {
    @JvmField
    @RegisterExtension
    val app: QuarkusUnitTest = QuarkusUnitTest()
      .withApplicationRoot { it.addClasses(ClosedQuotes::class.java, UnnamedQuotes::class.java) }
      .assertException { failure ->
        assertThat(Failures.messages(failure))
          .contains("@Memoize on " + ClosedQuotes::class.java.name + ".quote(String): the method must not be"
            + " private, static or final: CDI cannot intercept it, so the annotation would do nothing. Kotlin"
            + " classes and funs are final unless declared open")
          .contains("<option>all-open:annotation=jakarta.inject.Singleton</option>")
          .contains("all-open's quarkus preset opens only the javax ones")
          .contains("@Memoize on " + UnnamedQuotes::class.java.name + ".quote(String): template 'quote:{symbol}'"
            + " refers to '{symbol}', but the method has no parameter 'symbol'; its parameters: [{0}]; compile with"
            + " -java-parameters to use names (kotlin-maven-plugin: <javaParameters>true</javaParameters>;")
          .contains("@Memoize on suspend fun " + UnnamedQuotes::class.java.name + ".later(String): template"
            + " 'quote:{1}' refers to '{1}', but the method has no parameter '1'; its parameters: [{0}];")
          .doesNotContain("compile with -parameters")
      }
  }

  /** Not opened: this module's all-open opens `@ApplicationScoped` classes only. */
  @Singleton
  class ClosedQuotes {
    @Memoize(cache = "quotes")
    fun quote(symbol: String): Long = symbol.length * 100L
  }

  /** Opened, but compiled without -java-parameters. */
  @ApplicationScoped
  class UnnamedQuotes {
    @Memoize(cache = "quotes", tags = ["quote:{symbol}"])
    fun quote(symbol: String): Long = symbol.length * 100L

    /** `{1}` would have been the continuation. */
    @Memoize(cache = "quotes", tags = ["quote:{1}"])
    suspend fun later(symbol: String): Long = symbol.length * 100L
  }

  @Test
  fun `the application does not build`() {
    fail<Unit>("the application built with unusable annotations")
  }
}
