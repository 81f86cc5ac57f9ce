package dev.cachefn.memory.internal;

import org.jspecify.annotations.Nullable;

/**
 * One entry. Key, value, expiry and tags never change: a write replaces the node, so a reader always sees
 * a consistent entry without locking. The links and the heap index belong to the engine and are only
 * touched under its lock.
 */
final class Node<V> {

  static final long NEVER = Long.MAX_VALUE;
  static final String[] NO_TAGS = new String[0];

  final String key;
  final V value;
  /** Ticker time at which the entry expires, or {@link #NEVER}. */
  final long expiresAt;
  final String[] tags;
  final long weight;

  // guarded by the engine's lock
  @Nullable Node<V> previous;
  @Nullable Node<V> next;
  int heapIndex = -1;
  /** Which segment of the eviction order holds the node (used by {@link AdaptiveAdmissionOrder}). */
  byte segment;
  /** Set once the node left the table; buffered reads of it are then ignored. */
  boolean retired;

  Node(String key, V value, long expiresAt, String[] tags, long weight) {
    this.key = key;
    this.value = value;
    this.expiresAt = expiresAt;
    this.tags = tags;
    this.weight = weight;
  }

  boolean expires() {
    return expiresAt != NEVER;
  }

  boolean isExpiredAt(long now) {
    return expiresAt != NEVER && now - expiresAt >= 0;
  }
}
