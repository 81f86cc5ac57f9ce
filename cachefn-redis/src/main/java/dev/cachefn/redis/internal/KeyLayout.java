package dev.cachefn.redis.internal;

import dev.cachefn.spi.GlobPattern;

/**
 * Where a namespace's data lives in Redis. Every key of namespace {@code ns} starts with the prefix
 * {@code cachefn:{<length of ns>:<ns>}:}; the length makes the prefixes of two namespaces differ and never be
 * a prefix of each other (namespace {@code a} with key {@code b:c} cannot meet namespace {@code a:b} with key
 * {@code c}), and the braces make it a Redis Cluster hash tag, so a namespace's keys share one slot. After the
 * prefix:
 *
 * <ul>
 *   <li>{@code k:<key>} the entry: a string, the codec's bytes, with the entry's TTL;
 *   <li>{@code m:<key>} the entry's tags: a set, same TTL as the entry, absent when it has none;
 *   <li>{@code t:<tag>} the keys carrying the tag: a set that lives as long as its longest-lived member.
 * </ul>
 *
 * <p>Immutable.
 */
final class KeyLayout {

  private final String prefix;
  private final String entryPrefix;

  KeyLayout(String namespace) {
    this.prefix = "cachefn:{" + namespace.length() + ":" + namespace + "}:";
    this.entryPrefix = prefix + "k:";
  }

  /** The prefix of every key of the namespace; the Lua scripts append {@code k:}, {@code m:}, {@code t:}. */
  String prefix() {
    return prefix;
  }

  String entry(String key) {
    return entryPrefix + key;
  }

  /** The cache key of an entry's Redis key. */
  String keyOf(String entryKey) {
    return entryKey.substring(entryPrefix.length());
  }

  boolean isEntry(String redisKey) {
    return redisKey.startsWith(entryPrefix);
  }

  /** The {@code SCAN MATCH} pattern of every key of the namespace (entries, tag lists, tag sets). */
  String everything() {
    return RedisGlob.literal(prefix) + "*";
  }

  /**
   * A {@code SCAN MATCH} pattern that matches at least the entries whose keys match {@code pattern}; the
   * caller filters the answer with {@link GlobPattern#matches}.
   */
  String entries(GlobPattern pattern) {
    return RedisGlob.literal(entryPrefix) + RedisGlob.superset(pattern.pattern());
  }
}
