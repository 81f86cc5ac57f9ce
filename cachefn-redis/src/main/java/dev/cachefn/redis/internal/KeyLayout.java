package dev.cachefn.redis.internal;

import dev.cachefn.spi.GlobPattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a namespace's data lives in Redis. Every key of namespace {@code ns} starts with the prefix
 * {@code cachefn:{<length of ns>:<ns>}:}, or {@code cachefn:<version>:{<length of ns>:<ns>}:} when the storage
 * has a value format version (so that two versions of an application never read each other's values); the
 * length makes the prefixes of two namespaces differ and never be
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
public final class KeyLayout {

  private final String prefix;
  private final String entryPrefix;

  KeyLayout(String namespace, @Nullable String formatVersion) {
    this.prefix = "cachefn:" + (formatVersion == null ? "" : formatVersion + ":") + "{" + namespace.length() + ":"
        + namespace + "}:";
    this.entryPrefix = prefix + "k:";
  }

  /**
   * Checks a value format version: 1 to 32 letters, digits, {@code .}, {@code _} or {@code -}.
   *
   * @throws IllegalArgumentException saying what is allowed
   */
  public static String checkFormatVersion(String version) {
    if (version.isEmpty() || version.length() > 32 || !version.chars().allMatch(
        c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
            || c == '-')) {
      throw new IllegalArgumentException("the value format version must be 1 to 32 letters, digits, '.', '_' or"
          + " '-', got '" + version + "'");
    }
    return version;
  }

  /** The prefix of every key of the namespace; the Lua scripts append {@code k:}, {@code m:}, {@code t:}. */
  String prefix() {
    return prefix;
  }

  String entry(String key) {
    return entryPrefix + key;
  }

  /** The Redis key of the set of the entry's tags. */
  String meta(String key) {
    return prefix + "m:" + key;
  }

  /**
   * The entry that a Redis key belongs to: its namespace and cache key, for an entry ({@code k:}) or its
   * tag list ({@code m:}); {@code null} for any other key (tag sets, keys that are not CacheFn's).
   */
  static @Nullable NearKey entryOf(String redisKey) {
    if (!redisKey.startsWith("cachefn:")) {
      return null;
    }
    int brace = redisKey.indexOf('{', 8); // a format version, if any, holds neither ':' nor '{'
    if (brace < 0 || (brace > 8 && redisKey.indexOf(':', 8) != brace - 1)) {
      return null;
    }
    int colon = redisKey.indexOf(':', brace + 1);
    if (colon < 0) {
      return null;
    }
    int length;
    try {
      length = Integer.parseInt(redisKey, brace + 1, colon, 10);
    } catch (NumberFormatException e) {
      return null;
    }
    int end = colon + 1 + length;
    if (length < 0 || end + 4 > redisKey.length() || !redisKey.startsWith("}:", end)) {
      return null;
    }
    char kind = redisKey.charAt(end + 2);
    if ((kind != 'k' && kind != 'm') || redisKey.charAt(end + 3) != ':') {
      return null;
    }
    return new NearKey(redisKey.substring(colon + 1, end), redisKey.substring(end + 4));
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
