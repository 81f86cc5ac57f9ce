package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import io.smallrye.mutiny.Uni;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Memoizes methods that return a Mutiny {@code Uni}: the item is cached, never the {@code Uni} itself and never
 * a failure. Loaded only for such methods, so Mutiny is an optional dependency.
 *
 * <p>The returned {@code Uni} is lazy, like any {@code Uni}: each subscription looks the key up; a hit emits
 * the cached item at once on the subscribing thread, a miss calls the method and subscribes to its
 * {@code Uni}, and concurrent subscribers of one key share that one call (single flight). Nothing blocks, so
 * a memoized {@code Uni} is safe on an event loop. A {@code null} item is emitted and not cached.
 */
final class MutinyResults {

  /** The class name by which {@link MemoizePlan} recognises the return type without loading Mutiny. */
  static final String UNI = "io.smallrye.mutiny.Uni";

  private MutinyResults() {}

  static Object memoize(Cache<Object> cache, String key, SetOptions options, InvocationContext context) {
    // thenApply hands the subscriber a stage of its own: cancelling a subscription never cancels the shared call
    return Uni.createFrom().completionStage(
        () -> cache.getOrFetchAsync(key, () -> call(context), options).thenApply(Function.identity()));
  }

  private static CompletionStage<?> call(InvocationContext context) {
    Object result;
    try {
      result = context.proceed();
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    if (result == null) {
      return CompletableFuture.failedFuture(new NullPointerException(
          MethodNames.describe(context.getMethod()) + " returned null instead of a Uni"));
    }
    return ((Uni<?>) result).subscribeAsCompletionStage();
  }
}
