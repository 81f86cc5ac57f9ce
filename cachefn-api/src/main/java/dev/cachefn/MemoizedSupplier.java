package dev.cachefn;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A supplier whose result is cached (until its TTL runs out or {@link #clear()}); made by
 * {@link Memoizer#supplier}.
 *
 * @param <R> the result type; a {@code null} result is returned but never cached
 */
public interface MemoizedSupplier<R extends @Nullable Object> extends Supplier<R> {

  /**
   * The same as {@link #get}, under the name Kotlin calls as an operator: {@code config()} in Kotlin, with no
   * import.
   */
  default R invoke() {
    return get();
  }

  /** Forgets the cached result. */
  void clear();
}
