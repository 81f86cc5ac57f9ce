package dev.cachefn.cdi.internal;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/**
 * What the plans and messages need to know of Kotlin {@code suspend} functions: which parameters are the call's
 * arguments (the trailing continuation is none: it takes no part in keys or templates), how to name them, and
 * the start-up checks. The calls themselves are run by the {@link dev.cachefn.cdi.spi.AsyncResultType} that
 * {@code cachefn-kotlin} provides.
 *
 * <p>Such a method is recognised by its trailing {@code kotlin.coroutines.Continuation} parameter, compared by
 * name: this module has no Kotlin, and without {@code cachefn-kotlin} (no provider to ask) a memoized suspend
 * fun would silently cache the marker it returns when it suspends; it fails the deployment instead.
 */
final class SuspendingMethods {

  static final String CONTINUATION = "kotlin.coroutines.Continuation";

  private SuspendingMethods() {}

  /** Whether {@code method} is a compiled {@code suspend} function. */
  static boolean isSuspending(Method method) {
    Class<?>[] types = method.getParameterTypes();
    return types.length > 0 && types[types.length - 1].getName().equals(CONTINUATION);
  }

  /** The parameters that are arguments of the call: all but a {@code suspend} function's continuation. */
  static int argumentCount(Method method) {
    return isSuspending(method) ? method.getParameterCount() - 1 : method.getParameterCount();
  }

  /**
   * The start-up check of a {@code suspend} method: it can only be cached with {@code cachefn-kotlin}.
   *
   * @throws IllegalArgumentException if {@code method} suspends and no provider runs suspend funs
   */
  static void requireSupport(Method method) {
    if (isSuspending(method) && AsyncResultTypes.of(method) == null) {
      throw new IllegalArgumentException("the method is a Kotlin suspend fun, which CacheFn intercepts only with"
          + " dev.cachefn:cachefn-kotlin on the class path; add that dependency to the application");
    }
  }

  /**
   * The start-up check of a memoized method that suspends: it must have a result to cache, and
   * {@code cachefn-kotlin} must be there to run it. A {@code suspend} fun returns {@code Object} on the JVM
   * whatever it returns in Kotlin; its result type is the type argument of the continuation,
   * {@code Continuation<? super R>}, read from the generic signature.
   *
   * @throws IllegalArgumentException if {@code method} is a {@code suspend} fun returning {@code Unit}, or no
   *     provider runs suspend funs
   */
  static void requireMemoizable(Method method) {
    if (!isSuspending(method)) {
      return;
    }
    Type[] parameters = method.getGenericParameterTypes();
    if (parameters.length > 0 && parameters[parameters.length - 1] instanceof ParameterizedType continuation
        && continuation.getActualTypeArguments()[0] instanceof WildcardType result
        && result.getLowerBounds().length == 1 && result.getLowerBounds()[0].getTypeName().equals("kotlin.Unit")) {
      throw new IllegalArgumentException("the method is a suspend fun returning Unit; there is no result to cache");
    }
    requireSupport(method);
  }
}
