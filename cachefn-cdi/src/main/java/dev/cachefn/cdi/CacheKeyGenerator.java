package dev.cachefn.cdi;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * Computes the cache key of a {@link Memoize} or {@link Invalidate} method call, for arguments whose
 * {@code toString()} is no good key. Named by {@code keyGenerator = MyGenerator.class}: the CDI bean of that
 * class if there is one, else an instance made with its no-argument constructor. Must be thread-safe.
 */
@FunctionalInterface
public interface CacheKeyGenerator {

  /**
   * Returns the key of a call: not empty, and equal for calls that should share a cached result.
   *
   * @param method the called method
   * @param arguments all the call's arguments, in declaration order (for a Kotlin {@code suspend} function,
   *     without the trailing continuation the compiler adds)
   */
  String key(Method method, @Nullable Object[] arguments);
}
