package dev.cachefn.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * The smallest common face of the caches under test: a lookup that does not load, a put, and what a setup
 * needs. Within one JMH fork only one implementation is loaded, so calls through it stay monomorphic.
 */
public interface BenchCache {

  /** The value under {@code key}, or {@code null}; never loads. */
  @Nullable Object get(String key);

  /** Stores {@code value} under {@code key}, evicting if the cache is full. */
  void put(String key, Object value);

  /** Removes every entry. */
  void clear();

  /** Runs pending maintenance, where the implementation defers it. */
  default void cleanUp() {}

  /** The number of entries (approximate where the implementation says so). */
  long size();

  /** Releases resources (cache managers, threads). */
  default void close() {}
}
