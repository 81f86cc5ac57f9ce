package dev.cachefn;

import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A two-argument function whose results are cached by argument pair; made by {@link Memoizer#biFunction}.
 *
 * @param <T> the first argument type
 * @param <U> the second argument type
 * @param <R> the result type; a {@code null} result is returned but never cached
 */
public interface MemoizedBiFunction<T extends @Nullable Object, U extends @Nullable Object, R extends @Nullable Object>
    extends BiFunction<T, U, R> {

  /**
   * The same as {@link #apply}, under the name Kotlin calls as an operator: {@code add(2, 3)} in Kotlin, with
   * no import.
   */
  default R invoke(T first, U second) {
    return apply(first, second);
  }

  /** Forgets the result for these arguments; returns whether one was cached. */
  boolean invalidate(T first, U second);

  /** Forgets every cached result of this function. */
  void clear();
}
