package dev.cachefn.cdi.kotlin

import dev.cachefn.cdi.CdiApp
import dev.cachefn.cdi.NamedCaches
import dev.cachefn.cdi.beans.FakeTicker
import java.time.Duration
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** `@Memoize` on a Kotlin `@ApplicationScoped` bean, and caches injected into Kotlin. */
class KotlinBeansTest {

    @Test
    fun `a memoized Kotlin function runs once per key`() {
        CdiApp.start(PriceService::class.java, FakeTicker::class.java).use { app ->
            val service = app.bean(PriceService::class.java)

            assertThat(service.price("abc", "r1")).isEqualTo(300L)
            assertThat(service.price("abc", "r2")).isEqualTo(300L)
            assertThat(service.price("abcd", "r1")).isEqualTo(400L)

            assertThat(service.calls.get()).isEqualTo(2)
        }
    }

    @Test
    fun `the TTL and the tag templates of a Kotlin function apply`() {
        CdiApp.start(PriceService::class.java, FakeTicker::class.java).use { app ->
            val service = app.bean(PriceService::class.java)
            val clock = app.bean(FakeTicker::class.java)

            service.price("abc", "r1")
            service.price("xyz", "r1")
            service.reprice("abc") // invalidates tag price:abc only
            service.price("abc", "r1")
            service.price("xyz", "r1")
            assertThat(service.calls.get()).isEqualTo(3)

            clock.advance(Duration.ofMinutes(5))
            service.price("xyz", "r1")
            assertThat(service.calls.get()).`as`("expired after 5m").isEqualTo(4)
        }
    }

    @Test
    fun `a null result of a Kotlin function is returned and not cached`() {
        CdiApp.start(PriceService::class.java, FakeTicker::class.java).use { app ->
            val service = app.bean(PriceService::class.java)

            assertThat(service.discount("plain")).isNull()
            assertThat(service.discount("plain")).isNull()
            assertThat(service.discount("sale-1")).isEqualTo(10L)
            assertThat(service.discount("sale-1")).isEqualTo(10L)

            assertThat(service.calls.get()).isEqualTo(3)
        }
    }

    @Test
    fun `a Kotlin bean gets the same cache instances as the memoized functions`() {
        CdiApp.start(PriceService::class.java, PriceBoard::class.java, FakeTicker::class.java).use { app ->
            val service = app.bean(PriceService::class.java)
            val board = app.bean(PriceBoard::class.java)

            service.price("abc", "r1")
            service.discount("sale-1")

            assertThat(board.cachedPrice("abc")).isEqualTo(300L)
            assertThat(board.cachedPrice("nothing")).isNull()
            assertThat(board.pricesName()).isEqualTo("prices")
            assertThat(board.discounts().get("sale-1")).isEqualTo(10L)
            assertThat(board.discounts()).isSameAs(app.bean(NamedCaches::class.java).get<Long>("discounts"))
        }
    }
    @Test
    fun `a memoized suspend fun without cachefn-kotlin fails the deployment, naming the method and the fix`() {
        assertThatThrownBy { CdiApp.start(SuspendingPriceService::class.java).close() }
            .hasMessageContaining("@Memoize on suspend fun dev.cachefn.cdi.kotlin.SuspendingPriceService.price(String):"
                + " the method is a Kotlin suspend fun, which CacheFn intercepts only with dev.cachefn:cachefn-kotlin"
                + " on the class path; add that dependency to the application")
            .hasMessageNotContaining("suspendImpl") // the compiler's static copy of the body is not checked
    }

    @Test
    fun `a memoized suspend fun returning Unit fails the deployment`() {
        assertThatThrownBy { CdiApp.start(SuspendingRefresher::class.java).close() }
            .hasMessageContaining("@Memoize on suspend fun dev.cachefn.cdi.kotlin.SuspendingRefresher.refresh(String)")
            .hasMessageContaining("a suspend fun returning Unit; there is no result to cache")
    }

    @Test
    fun `an invalidation on a suspend fun without cachefn-kotlin fails the deployment with a message that fits it`() {
        assertThatThrownBy { CdiApp.start(SuspendingDelister::class.java).close() }
            .hasMessageContaining("@Invalidate on suspend fun dev.cachefn.cdi.kotlin.SuspendingDelister.delist(String):"
                + " the method is a Kotlin suspend fun, which CacheFn intercepts only with dev.cachefn:cachefn-kotlin"
                + " on the class path; add that dependency to the application")
            .hasMessageNotContaining("to cache it")
    }

    @Test
    fun `a final Kotlin fun fails the deployment with the all-open fix for the bean's own annotation`() {
        assertThatThrownBy { CdiApp.start(ClosedPriceService::class.java).close() }
            .hasMessageContaining("@Memoize on dev.cachefn.cdi.kotlin.ClosedPriceService.price(String): the method must"
                + " not be private, static or final: CDI cannot intercept it, so the annotation would do nothing."
                + " Kotlin classes and funs are final unless declared open")
            .hasMessageContaining("<option>all-open:annotation=jakarta.inject.Singleton</option>")
            .hasMessageContaining("all-open's quarkus preset opens only the javax ones")
    }

    @Test
    fun `a Kotlin class without parameter names is told about -java-parameters, not -parameters`() {
        // compiled after this class, by its own execution without -java-parameters: looked up by name
        val unnamed = Class.forName("dev.cachefn.cdi.kotlin.UnnamedParameters")
        assertThatThrownBy { CdiApp.start(unnamed).close() }
            .hasMessageContaining("template 'price:{sku}' refers to '{sku}', but the method has no parameter 'sku';"
                + " its parameters: [{0}]; compile with -java-parameters to use names (kotlin-maven-plugin:"
                + " <javaParameters>true</javaParameters>;")
            .hasMessageNotContaining("compile with -parameters")
    }

    @Test
    fun `Weld rejects a lateinit var, a public field, on an ApplicationScoped Kotlin bean`() {
        assertThatThrownBy { CdiApp.start(LateinitPriceBoard::class.java).close() }
            .hasMessageContaining("WELD-000075")
            .hasMessageContaining("LateinitPriceBoard")
    }
}
