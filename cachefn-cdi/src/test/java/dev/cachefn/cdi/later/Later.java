package dev.cachefn.cdi.later;

import java.util.concurrent.CompletionStage;

/** A result that arrives later, of a type CacheFn does not know: taught to it by {@link LaterResults}. */
public final class Later<T> {

  final CompletionStage<T> stage;

  public Later(CompletionStage<T> stage) {
    this.stage = stage;
  }

  /** Waits for the value. */
  public T await() {
    return stage.toCompletableFuture().join();
  }
}
