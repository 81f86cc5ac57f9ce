package dev.cachefn.memory.internal;

import dev.cachefn.EvictionPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The eviction policy of one engine: it watches entries come, get read, get replaced and go, and names
 * the entry to evict when the engine is over its bound. Guarded by the engine's lock: implementations are
 * not thread-safe. Reads reach it late (replayed from the read buffer) and, under contention, not all of
 * them; a node it is told about is always live in the table at that moment.
 */
interface EvictionOrder<V> {

  /** A new, empty order implementing {@code policy} for a table of at most {@code maxSize} entries. */
  static <V> EvictionOrder<V> of(EvictionPolicy policy, long maxSize) {
    return switch (policy) {
      case LRU -> new LruOrder<>();
      case ADAPTIVE_FREQUENCY -> new AdaptiveAdmissionOrder<>(maxSize);
    };
  }

  /**
   * Whether a read of a node in the {@link Node#QUIET} segment would change nothing here, so that the engine
   * need not buffer it. Fixed for the order's lifetime.
   */
  default boolean ignoresQuietReads() {
    return false;
  }

  /** A new entry whose key had no live entry. */
  void recordInsert(Node<V> node);

  /** A write replaced the live entry {@code previous} of the same key with {@code node}. */
  void recordReplace(Node<V> previous, Node<V> node);

  /** A read of {@code node}. */
  void recordAccess(Node<V> node);

  /** {@code node} left the table for another reason than eviction (delete, expiry, invalidation). */
  void remove(Node<V> node);

  /**
   * The entry to evict next, or {@code null} when there is none. The engine removes it (through
   * {@link #remove}) before asking again. May be the entry just inserted, if the policy rejects it.
   */
  @Nullable Node<V> victim();

  /** Forgets every entry. */
  void clear();
}
