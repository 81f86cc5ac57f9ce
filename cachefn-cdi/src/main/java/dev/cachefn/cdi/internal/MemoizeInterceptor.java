package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.spi.AsyncResultType;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves {@link Memoize} methods from their cache, through single-flight cache-aside.
 *
 * <p>The hit path reads no annotation and no configuration: each instance (one per intercepted bean instance)
 * remembers the methods it has served by identity in {@link #seen}, so a call finds its plan without hashing
 * the {@link Method} or calling through the client proxy of {@link MethodPlans}. A method whose result arrives
 * later is handed to the {@link AsyncResultType} its plan names.
 */
@Memoize
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class MemoizeInterceptor {

  /** As many methods as one instance remembers; a bean with more memoized methods asks {@link #plans} for the rest. */
  static final int REMEMBERED = 16;

  private static final Seen[] NONE = new Seen[0];

  @Inject MethodPlans plans;

  /** The methods served so far, by the {@link Method} instance the container passed; copied on write. */
  private volatile Seen[] seen = NONE;

  private record Seen(Method method, MethodPlans.MemoizedMethod memoized) {}

  @AroundInvoke
  Object memoize(InvocationContext context) throws Exception {
    MethodPlans.MemoizedMethod memoized = memoized(context.getMethod());
    MemoizePlan plan = memoized.plan();
    Cache<Object> cache = memoized.cache();
    Object[] arguments = context.getParameters();
    String key = plan.keys.key(plan.method, arguments);
    SetOptions options = plan.options(arguments);
    AsyncResultType async = plan.async;
    if (async != null) {
      return async.getOrFetch(cache, key, options, new ContextCall(context));
    }
    if (plan.optional) {
      return Optional.ofNullable(fetch(cache, key, options, () -> {
        Optional<?> result = (Optional<?>) Proceeding.proceed(context);
        return result != null ? result.orElse(null) : null;
      }));
    }
    return fetch(cache, key, options, () -> Proceeding.proceed(context));
  }

  /** The plan of {@code method}: found by identity among the methods seen, else from {@link #plans}. */
  MethodPlans.MemoizedMethod memoized(Method method) {
    Seen[] known = seen;
    for (Seen entry : known) {
      if (entry.method == method) {
        return entry.memoized;
      }
    }
    MethodPlans.MemoizedMethod memoized = plans.memoized(method);
    remember(known, method, memoized);
    return memoized;
  }

  /**
   * Adds {@code method} to {@link #seen}, or points the entry of the same plan at this {@code Method} instance
   * (a container that passes a new instance per call then keeps one entry per method, not one per call). A
   * lost race only forgets an entry, to be learnt again on a later call.
   */
  private void remember(Seen[] known, Method method, MethodPlans.MemoizedMethod memoized) {
    for (int i = 0; i < known.length; i++) {
      if (known[i].memoized == memoized) {
        Seen[] replaced = known.clone();
        replaced[i] = new Seen(method, memoized);
        seen = replaced;
        return;
      }
    }
    if (known.length < REMEMBERED) {
      Seen[] grown = Arrays.copyOf(known, known.length + 1);
      grown[known.length] = new Seen(method, memoized);
      seen = grown;
    }
  }

  /** How many methods this instance remembers by identity. */
  int remembered() {
    return seen.length;
  }

  private static Object fetch(Cache<Object> cache, String key, SetOptions options, Supplier<?> call)
      throws Exception {
    try {
      return cache.getOrFetch(key, call, options);
    } catch (Proceeding.Failure failure) {
      throw Proceeding.unwrap(failure);
    }
  }
}
