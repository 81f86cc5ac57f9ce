package dev.cachefn;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A function whose results are cached by argument; made by {@link Memoizer#function}.
 *
 * @param <T> the argument type
 * @param <R> the result type; a {@code null} result is returned but never cached
 */
public interface MemoizedFunction<T extends @Nullable Object, R extends @Nullable Object>
    extends Function<T, R> {

  /**
   * The same as {@link #apply}, under the name Kotlin calls as an operator: {@code findUser(42L)} in Kotlin,
   * with no import.
   */
  default R invoke(T argument) {
    return apply(argument);
  }

  /** Forgets the result for {@code argument}; returns whether one was cached. */
  boolean invalidate(T argument);

  /** Forgets every cached result of this function. */
  void clear();
}
