package dev.cachefn.kotlin.internal

import dev.cachefn.Cache
import dev.cachefn.SetOptions
import dev.cachefn.cdi.spi.AsyncResultType
import dev.cachefn.cdi.spi.InterceptedCall
import dev.cachefn.kotlin.getOrFetchSuspending
import java.lang.reflect.Method
import kotlin.coroutines.Continuation
import kotlin.coroutines.intrinsics.startCoroutineUninterceptedOrReturn
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn

/**
 * Runs `@Memoize` and the invalidation annotations of cachefn-cdi on `suspend` functions; cachefn-cdi finds
 * it through `META-INF/services` when this module is on the class path.
 *
 * The interceptor stands where the intercepted function was called, holding the caller's continuation. Each
 * method here starts a suspending block with that continuation as its completion, so the block *is* the
 * call as the caller sees it: it returns the result at once when it does not suspend, else
 * `COROUTINE_SUSPENDED`, and resumes the caller when done. Inside, the intercepted function runs as an
 * ordinary suspending call with the block's own continuation in the caller's place.
 */
class SuspendResultType : AsyncResultType {

  /** A compiled `suspend` fun: its last parameter is the caller's continuation. */
  override fun handles(method: Method): Boolean = method.parameterTypes.lastOrNull() == Continuation::class.java

  override fun getOrFetch(cache: Cache<Any>, key: String, options: SetOptions, call: InterceptedCall): Any? {
    // the cache-aside of getOrFetchSuspending: single flight, a shared fetch that cancelling one
    // caller does not cancel, failures and nulls not cached, a fetch that needs its own key fails fast
    val block: suspend () -> Any? = { cache.getOrFetchSuspending(key, options) { call.proceedSuspending() } }
    return block.startCoroutineUninterceptedOrReturn(call.callerContinuation())
  }

  override fun afterCompletion(call: InterceptedCall, action: Runnable): Any? {
    val block: suspend () -> Any? = {
      val result = call.proceedSuspending() // a throw skips the action
      action.run()
      result
    }
    return block.startCoroutineUninterceptedOrReturn(call.callerContinuation())
  }

  private companion object {
    @Suppress("UNCHECKED_CAST") // the compiled suspend function's continuation, of its result type
    fun InterceptedCall.callerContinuation(): Continuation<Any?> = arguments().last() as Continuation<Any?>

    /** Calls the intercepted function as a suspending call of the current coroutine. */
    suspend fun InterceptedCall.proceedSuspending(): Any? =
      suspendCoroutineUninterceptedOrReturn { continuation ->
        val arguments = arguments()
        arguments[arguments.size - 1] = continuation
        proceed(arguments)
      }
  }
}
