package dev.cachefn.memory.internal;

/** An entry with a TTL (48 bytes): its deadline and its place in the {@link ExpiryQueue}. */
class ExpiringNode<V> extends Node<V> {

  /** Ticker time at which the entry expires. */
  final long expiresAt;
  /** Index in the expiry queue's heap, -1 when not queued; guarded by the engine's lock. */
  int heapIndex = -1;

  ExpiringNode(Object key, V value, long expiresAt, long weight) {
    super(key, value, weight);
    this.expiresAt = expiresAt;
  }

  /** An entry with a TTL and tags (48 bytes: the tags fill the padding). */
  static final class Tagged<V> extends ExpiringNode<V> {

    /** One tag as a {@code String}, more as a {@code String[]} (see {@link Node#storedTags}). */
    final Object tags;

    Tagged(Object key, V value, long expiresAt, String[] tags, long weight) {
      super(key, value, expiresAt, weight);
      this.tags = storedTags(tags);
    }
  }
}
