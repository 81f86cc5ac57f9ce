package dev.cachefn.cdi.internal;

import jakarta.interceptor.InvocationContext;
import org.jspecify.annotations.Nullable;

/**
 * Runs the intercepted method from inside a cache's fetcher, which cannot throw checked exceptions: a checked
 * exception travels wrapped in {@link Failure} and {@link #unwrap} gives the caller the original.
 */
final class Proceeding {

  private Proceeding() {}

  /** Carries a checked exception of the intercepted method through the cache. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(Exception cause) {
      super(cause.toString(), cause, false, false);
    }
  }

  static @Nullable Object proceed(InvocationContext context) {
    try {
      return context.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new Failure(e);
    }
  }

  /** The exception the intercepted method threw. */
  static Exception unwrap(Failure failure) {
    return (Exception) failure.getCause();
  }
}
