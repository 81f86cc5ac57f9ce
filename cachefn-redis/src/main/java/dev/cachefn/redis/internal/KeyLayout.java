package dev.cachefn.redis.internal;

import dev.cachefn.spi.GlobPattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a namespace's data lives in Redis. On one server every key of namespace {@code ns} starts with the
 * prefix {@code cachefn:{<length of ns>:<ns>}:}. On a Redis Cluster a namespace is spread over 16 hash-tagged
 * prefixes {@code cachefn:{<length of ns>:<ns>/<bucket tag>}:}, one per {@link #CLUSTER_BUCKET_TAGS bucket tag};
 * a key's bucket is its {@link String#hashCode()} modulo 16 (the same in every JVM). With a value
 * format version (so that two versions of an application never read each other's values) the prefix starts
 * {@code cachefn:<version>:} instead of {@code cachefn:}. The length makes the prefixes of two namespaces differ
 * and never be a prefix of each other (namespace {@code a} with key {@code b:c} cannot meet namespace {@code a:b}
 * with key {@code c}); the braces are a Cluster hash tag, so the keys of one bucket share a slot and one Lua
 * script can change an entry together with its tags. After the prefix:
 *
 * <ul>
 *   <li>{@code k:<key>} the entry: a string, the codec's bytes, with the entry's TTL;
 *   <li>{@code m:<key>} the entry's tags: a set, same TTL as the entry, absent when it has none;
 *   <li>{@code t:<tag>} the keys of the bucket carrying the tag: a set that lives as long as its longest-lived
 *       member (each bucket has its own tag index);
 *   <li>{@code l:<key>} while an instance fetches the key with distributed single flight: its lease.
 * </ul>
 *
 * <p>Immutable.
 */
public final class KeyLayout {

  /**
   * The ends of the 16 hash tags of a namespace on a cluster. Redis' slot function (CRC16, XMODEM) is linear, so
   * tags that differ only in their last two characters land on slots that differ by a fixed XOR whatever the
   * namespace: these were picked (the first two-character strings, in order, that do so) so that the 16 slots
   * of every namespace have 16 different top four bits, one in each sixteenth of the slot range, and so reach
   * every master. Plain digits would not: with {@code /0} to {@code /15}, one namespace in eight had all its
   * buckets on one of three masters.
   */
  public static final List<String> CLUSTER_BUCKET_TAGS =
      List.of("00", "22", "0a", "2c", "01", "23", "0d", "2b", "02", "20", "0c", "2a", "03", "21", "0b", "2d");

  private final String head;
  private final String[] prefixes;
  private final byte[][] prefixBytes;

  KeyLayout(String namespace, @Nullable String formatVersion, boolean cluster) {
    this.head = "cachefn:" + (formatVersion == null ? "" : formatVersion + ":") + "{" + namespace.length() + ":"
        + namespace;
    this.prefixes = cluster
        ? CLUSTER_BUCKET_TAGS.stream().map(tag -> head + "/" + tag + "}:").toArray(String[]::new)
        : new String[] {head + "}:"};
    this.prefixBytes = new byte[prefixes.length][];
    for (int bucket = 0; bucket < prefixes.length; bucket++) {
      prefixBytes[bucket] = prefixes[bucket].getBytes(StandardCharsets.UTF_8);
    }
  }

  KeyLayout(String namespace, @Nullable String formatVersion) {
    this(namespace, formatVersion, false);
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

  int buckets() {
    return prefixes.length;
  }

  int bucketOf(String key) {
    return prefixes.length == 1 ? 0 : Math.floorMod(key.hashCode(), prefixes.length);
  }

  /** The prefix of every key of {@code bucket}; the Lua scripts append {@code k:}, {@code m:}, {@code t:}. */
  String prefix(int bucket) {
    return prefixes[bucket];
  }

  /** {@link #prefix} in UTF-8, as the scripts take it; not to be changed. */
  byte[] prefixBytes(int bucket) {
    return prefixBytes[bucket];
  }

  /**
   * The {@code KEYS} of a script that changes keys of {@code bucket}: the bucket's prefix and the prefix with
   * {@code g:} (a guard), two keys that never exist. Their slot routes the script; and since they are two and
   * missing, a node refuses the script with {@code TRYAGAIN} while the bucket's slot is half migrated to another
   * node (Redis runs a multi-key command only where all its keys are), instead of running it where only some of
   * the bucket's keys are, which would leave an entry on both nodes.
   */
  String[] scriptKeys(int bucket) {
    return new String[] {prefixes[bucket], prefixes[bucket] + "g:"};
  }

  /** The prefix of the bucket of {@code key}. */
  String prefixOf(String key) {
    return prefixes[bucketOf(key)];
  }

  String entry(String key) {
    return prefixOf(key) + "k:" + key;
  }

  /** The Redis key of the lease an instance takes while it fetches {@code key} (see {@link FetchLeases}). */
  String lease(String key) {
    return prefixOf(key) + "l:" + key;
  }

  /** The Redis key of the set of the entry's tags. */
  String meta(String key) {
    return prefixOf(key) + "m:" + key;
  }

  /**
   * The entry that a Redis key belongs to: its namespace and cache key, for an entry ({@code k:}) or its
   * tag list ({@code m:}), in any layout; {@code null} for any other key (tag sets, keys that are not CacheFn's).
   */
  static @Nullable NearKey entryOf(String redisKey) {
    if (!redisKey.startsWith("cachefn:")) {
      return null;
    }
    int brace = redisKey.indexOf('{', 8); // a format version, if any, holds neither ':' nor '{'
    if (brace < 0 || (brace > 8 && redisKey.indexOf(':', 8) != brace - 1)) {
      return null;
    }
    int start = brace + 1;
    int colon = digitsEnd(redisKey, start);
    if (colon == start || colon >= redisKey.length() || redisKey.charAt(colon) != ':') {
      return null;
    }
    int length;
    try {
      length = Integer.parseInt(redisKey, start, colon, 10);
    } catch (NumberFormatException e) {
      return null;
    }
    int end = colon + 1 + length;
    int close = redisKey.startsWith("/", end) ? end + 3 : end; // a bucket tag on a cluster
    if (length < 0 || close + 4 > redisKey.length() || !redisKey.startsWith("}:", close)) {
      return null;
    }
    char kind = redisKey.charAt(close + 2);
    if ((kind != 'k' && kind != 'm') || redisKey.charAt(close + 3) != ':') {
      return null;
    }
    return new NearKey(redisKey.substring(colon + 1, end), redisKey.substring(close + 4));
  }

  private static int digitsEnd(String text, int from) {
    int at = from;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at;
  }

  /** The length of the bucket's prefix that {@code redisKey} starts with, or -1 if it is not of this namespace. */
  private int prefixLength(String redisKey) {
    if (prefixes.length == 1) {
      return redisKey.startsWith(prefixes[0]) ? prefixes[0].length() : -1;
    }
    int tagAt = head.length() + 1;
    if (!redisKey.startsWith(head) || !redisKey.startsWith("/", head.length())
        || !redisKey.startsWith("}:", tagAt + 2)
        || !CLUSTER_BUCKET_TAGS.contains(redisKey.substring(tagAt, tagAt + 2))) {
      return -1;
    }
    return tagAt + 4;
  }

  /** The cache key of an entry's Redis key; {@code null} for a key that is not an entry of this namespace. */
  @Nullable String keyOf(String redisKey) {
    int length = prefixLength(redisKey);
    return length >= 0 && redisKey.startsWith("k:", length) ? redisKey.substring(length + 2) : null;
  }

  /** Whether {@code redisKey} belongs to this namespace: an entry, a tag list or a tag set. */
  boolean owns(String redisKey) {
    return prefixLength(redisKey) >= 0;
  }

  /**
   * The {@code SCAN MATCH} pattern of every key of the namespace (entries, tag lists, tag sets); on a cluster it
   * may match keys of other namespaces too, which {@link #owns} tells apart.
   */
  String everything() {
    return scanPrefix() + "*";
  }

  /**
   * A {@code SCAN MATCH} pattern that matches at least the entries whose keys match {@code pattern}; the
   * caller filters the answer with {@link #keyOf} and {@link GlobPattern#matches}.
   */
  String entries(GlobPattern pattern) {
    return scanPrefix() + "k:" + RedisGlob.superset(pattern.pattern());
  }

  private String scanPrefix() {
    return prefixes.length == 1 ? RedisGlob.literal(prefixes[0]) : RedisGlob.literal(head + "/") + "??}:";
  }
}
