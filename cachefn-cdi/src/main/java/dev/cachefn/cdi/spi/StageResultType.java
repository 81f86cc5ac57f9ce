package dev.cachefn.cdi.spi;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AsyncResultType} that is a {@code CompletionStage} in another form: it says how a method's result
 * becomes a stage ({@link #toStage}) and how a stage becomes a result ({@link #fromStage}); caching and
 * invalidating after completion are built from the two, with a stage's value cached and its failure never.
 */
public abstract class StageResultType implements AsyncResultType {

  /** For subclasses. */
  protected StageResultType() {}

  /** The method's result (never {@code null}) as a stage that completes with its value or failure. */
  protected abstract CompletionStage<?> toStage(Object result);

  /**
   * A result of the method's return type that completes as the stage {@code stages} makes. A lazy type (a
   * Mutiny {@code Uni}) calls {@code stages} on each subscription, an eager one once, at once.
   */
  protected abstract Object fromStage(Supplier<CompletionStage<?>> stages);

  @Override
  public Object getOrFetch(Cache<Object> cache, String key, SetOptions options, InterceptedCall call) {
    return fromStage(() -> cache.getOrFetchAsync(key, () -> stageOf(call), options));
  }

  @Override
  public Object afterCompletion(InterceptedCall call, Runnable action) {
    return fromStage(() -> stageOf(call).thenApply(value -> {
      action.run();
      return value;
    }));
  }

  /** Runs the call as a stage: {@link #toStage} of its result; a throw or a {@code null} result is a failed stage. */
  protected final CompletionStage<@Nullable Object> stageOf(InterceptedCall call) {
    Object result;
    try {
      result = call.proceed();
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    if (result == null) {
      return CompletableFuture.failedFuture(new NullPointerException(call.method().getDeclaringClass().getName()
          + "." + call.method().getName() + " returned null instead of a " + call.method().getReturnType().getSimpleName()));
    }
    @SuppressWarnings("unchecked") // a stage's value is read, never written
    CompletionStage<@Nullable Object> stage = (CompletionStage<@Nullable Object>) toStage(result);
    return stage;
  }
}
