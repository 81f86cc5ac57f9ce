package dev.cachefn.cdi.spi;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import org.jspecify.annotations.Nullable;

/**
 * Runs the cache annotations on Kotlin {@code suspend} functions: the bridge between {@code cachefn-cdi}, which
 * has no Kotlin dependency, and {@code cachefn-kotlin}, which implements it and registers the implementation in
 * {@code META-INF/services}, where the interceptors find it through {@link java.util.ServiceLoader}.
 *
 * <p>A {@code suspend} function compiles to a method with a trailing {@code kotlin.coroutines.Continuation}
 * parameter that returns either its result or the {@code COROUTINE_SUSPENDED} marker. Each method here is
 * called by an interceptor in place of the intercepted method and answers in that same convention, resuming
 * the caller's continuation of {@link SuspendedCall#continuation()} when it suspended.
 */
public interface SuspendSupport {

  /**
   * Cache-aside for a memoized {@code suspend} function: the cached value under {@code key}, or the result
   * of the call, stored with {@code options}. Single flight across coroutines; a failure or a {@code null}
   * result is passed on and not stored; cancelling the caller does not cancel a fetch other callers share.
   */
  @Nullable Object getOrFetch(Cache<Object> cache, String key, SetOptions options, SuspendedCall call);

  /** Runs the call, then {@code action} once the function has completed normally; a failure skips it. */
  @Nullable Object afterCompletion(SuspendedCall call, Runnable action);
}
