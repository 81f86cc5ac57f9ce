package dev.cachefn.kotlin.cdi

import dev.cachefn.cdi.Memoize
import jakarta.enterprise.context.ApplicationScoped
import jakarta.enterprise.inject.Instance
import jakarta.inject.Inject

/** A memoized `suspend` function that, by mistake, needs its own result. */
@ApplicationScoped
class Loop @Inject constructor(private val self: Instance<Loop>) {

  @Memoize(cache = "loops")
  suspend fun depth(n: Int): Int = self.get().depth(n) + 1
}
