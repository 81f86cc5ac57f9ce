package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.spi.SuspendSupport;
import dev.cachefn.cdi.spi.SuspendedCall;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Kotlin {@code suspend} functions under the cache annotations. Such a method is recognised by its trailing
 * {@code kotlin.coroutines.Continuation} parameter, compared by name so that this module needs no Kotlin; the
 * coroutine work is done by the {@link SuspendSupport} that {@code cachefn-kotlin} registers with
 * {@link ServiceLoader}. The continuation is no argument of the call: it takes no part in keys.
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
   * @throws IllegalArgumentException if {@code method} suspends and no {@link SuspendSupport} is registered
   */
  static void requireSupport(Method method) {
    if (isSuspending(method) && Loaded.SUPPORT == null) {
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
   *     {@link SuspendSupport} is registered
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

  /** {@link SuspendSupport#getOrFetch} for one intercepted call. */
  static @Nullable Object memoize(InvocationContext context, Cache<Object> cache, String key, SetOptions options) {
    return support().getOrFetch(cache, key, options, new Call(context));
  }

  /** {@link SuspendSupport#afterCompletion} for one intercepted call. */
  static @Nullable Object afterCompletion(InvocationContext context, Runnable action) {
    return support().afterCompletion(new Call(context), action);
  }

  private static SuspendSupport support() {
    SuspendSupport support = Loaded.SUPPORT;
    if (support == null) {
      throw new IllegalStateException("a Kotlin suspend fun carries a CacheFn annotation, but"
          + " dev.cachefn:cachefn-kotlin is not on the class path");
    }
    return support;
  }

  /** The registered support, looked up once, when a suspend method first needs it. */
  private static final class Loaded {
    static final @Nullable SuspendSupport SUPPORT = load();

    private static @Nullable SuspendSupport load() {
      SuspendSupport found = first(ServiceLoader.load(SuspendSupport.class, SuspendSupport.class.getClassLoader()));
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return found != null || context == null ? found : first(ServiceLoader.load(SuspendSupport.class, context));
    }

    private static @Nullable SuspendSupport first(ServiceLoader<SuspendSupport> loader) {
      try {
        Iterator<SuspendSupport> services = loader.iterator();
        return services.hasNext() ? services.next() : null;
      } catch (ServiceConfigurationError foreign) {
        // another application's copy on a shared context class loader, or a broken one: not ours to use
        return null;
      }
    }
  }

  /** The intercepted call, proceeding with another continuation in the caller's place. */
  private static final class Call implements SuspendedCall {
    private final InvocationContext context;
    private final Object continuation;

    Call(InvocationContext context) {
      this.context = context;
      Object[] arguments = context.getParameters();
      this.continuation = arguments[arguments.length - 1];
    }

    @Override
    public Object continuation() {
      return continuation;
    }

    @Override
    public @Nullable Object proceed(Object replacement) throws Exception {
      Object[] arguments = context.getParameters().clone();
      arguments[arguments.length - 1] = replacement;
      context.setParameters(arguments);
      return context.proceed();
    }
  }
}
