package dev.cachefn;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous function whose completed results are cached by argument (a failed stage never is); made
 * by {@link Memoizer#asyncFunction}. Concurrent calls with the same argument share one call of the
 * underlying function.
 *
 * @param <T> the argument type
 * @param <R> the result type; a {@code null} result is returned but never cached
 */
public interface MemoizedAsyncFunction<T extends @Nullable Object, R extends @Nullable Object>
    extends Function<T, CompletionStage<R>> {

  /**
   * The same as {@link #apply}, under the name Kotlin calls as an operator: {@code avatar(id)} in Kotlin, with
   * no import.
   */
  default CompletionStage<R> invoke(T argument) {
    return apply(argument);
  }

  /** Forgets the result for {@code argument}; returns whether one was cached. */
  boolean invalidate(T argument);

  /** Forgets every cached result of this function. */
  void clear();
}
