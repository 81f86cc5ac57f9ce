package dev.cachefn.memory.internal;

/** An entry with tags and no TTL (40 bytes). */
final class TaggedNode<V> extends Node<V> {

  /** One tag as a {@code String}, more as a {@code String[]} (see {@link Node#storedTags}). */
  final Object tags;

  TaggedNode(Object key, V value, String[] tags, long weight) {
    super(key, value, weight);
    this.tags = storedTags(tags);
  }
}
