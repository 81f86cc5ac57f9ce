package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.Memoize;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Serves {@link Memoize} methods from their cache, through single-flight cache-aside. */
@Memoize
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class MemoizeInterceptor {

  @Inject MethodPlans plans;

  @AroundInvoke
  Object memoize(InvocationContext context) throws Exception {
    MethodPlans.MemoizedMethod memoized = plans.memoized(context.getMethod());
    MemoizePlan plan = memoized.plan();
    Cache<Object> cache = memoized.cache();
    Object[] arguments = context.getParameters();
    String key = plan.keys.key(plan.method, arguments);
    SetOptions options = plan.options(arguments);
    if (plan.suspending) {
      return SuspendingMethods.memoize(context, cache, key, options);
    }
    switch (plan.shape) {
      case STAGE:
        return cache.getOrFetchAsync(key, () -> Proceeding.proceedAsync(context), options);
      case FUTURE:
        CompletionStage<Object> stage = cache.getOrFetchAsync(key, () -> Proceeding.proceedAsync(context), options);
        return stage instanceof CompletableFuture<Object> future ? future : stage.toCompletableFuture();
      case UNI:
        return MutinyResults.memoize(cache, key, options, context);
      case OPTIONAL:
        return Optional.ofNullable(fetch(cache, key, options, () -> {
          Optional<?> result = (Optional<?>) Proceeding.proceed(context);
          return result != null ? result.orElse(null) : null;
        }));
      default:
        return fetch(cache, key, options, () -> Proceeding.proceed(context));
    }
  }

  private static Object fetch(Cache<Object> cache, String key, SetOptions options,
      java.util.function.Supplier<?> call) throws Exception {
    try {
      return cache.getOrFetch(key, call, options);
    } catch (Proceeding.Failure failure) {
      throw Proceeding.unwrap(failure);
    }
  }
}
