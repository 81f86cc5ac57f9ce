package dev.cachefn.cdi.spi;

import org.jspecify.annotations.Nullable;

/**
 * One intercepted call of a Kotlin {@code suspend} function, as {@link SuspendSupport} sees it.
 */
public interface SuspendedCall {

  /** The {@code kotlin.coroutines.Continuation} the caller passed: the method's last argument. */
  Object continuation();

  /**
   * Runs the intercepted method (the rest of the interceptor chain) with {@code continuation} in place of the
   * caller's; returns its result or the {@code COROUTINE_SUSPENDED} marker, after which the method resumes
   * {@code continuation} when done. May be called once, from any thread.
   *
   * @throws Exception what the method throws before it suspends
   */
  @Nullable Object proceed(Object continuation) throws Exception;
}
