package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.spi.StageResultType;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Methods that return a Mutiny {@code Uni}: the item is cached, never the {@code Uni} itself and never a failure.
 * A provider in {@code META-INF/services}: without Mutiny on the class path it cannot be made and is skipped, so
 * Mutiny stays an optional dependency.
 *
 * <p>The returned {@code Uni} is lazy, like any {@code Uni}: each subscription looks the key up; a hit emits
 * the cached item at once on the subscribing thread, a miss calls the method and subscribes to its
 * {@code Uni}, and concurrent subscribers of one key share that one call (single flight). Nothing blocks, so
 * a memoized {@code Uni} is safe on an event loop. A {@code null} item is emitted and not cached. An invalidation
 * after the method runs when a subscription's item arrives.
 */
public final class MutinyResults extends StageResultType {

  /** Loaded here, so that a missing Mutiny fails the making of this provider and not a later call. */
  private final Class<?> uni = Uni.class;

  /** For {@link java.util.ServiceLoader}. */
  public MutinyResults() {}

  @Override
  public boolean handles(Method method) {
    return method.getReturnType() == uni;
  }

  @Override
  protected CompletionStage<?> toStage(Object result) {
    return ((Uni<?>) result).subscribeAsCompletionStage();
  }

  @Override
  protected Object fromStage(Supplier<CompletionStage<?>> stages) {
    // thenApply hands the subscriber a stage of its own: cancelling a subscription never cancels the shared call
    return Uni.createFrom().completionStage(() -> stages.get().thenApply(Function.identity()));
  }
}
