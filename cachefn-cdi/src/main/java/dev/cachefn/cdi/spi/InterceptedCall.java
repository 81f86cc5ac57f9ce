package dev.cachefn.cdi.spi;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/** One intercepted call, as an {@link AsyncResultType} sees it. */
public interface InterceptedCall {

  /** The intercepted method. */
  Method method();

  /** A copy of the call's arguments, as the method receives them (a {@code suspend} fun's continuation last). */
  @Nullable Object[] arguments();

  /**
   * Runs the intercepted method (the rest of the interceptor chain) with {@code arguments} in place of the
   * caller's; returns what the method returns. May be called once, from any thread.
   *
   * @throws Exception what the method throws
   */
  @Nullable Object proceed(@Nullable Object[] arguments) throws Exception;

  /** {@link #proceed(Object[])} with the caller's arguments. */
  default @Nullable Object proceed() throws Exception {
    return proceed(arguments());
  }
}
