package dev.cachefn.redis.internal;

import static dev.cachefn.redis.internal.RedisCalls.keyed;
import static dev.cachefn.redis.internal.StoredValues.utf8;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.internal.BucketChunks.Chunk;
import dev.cachefn.redis.internal.StoredValues.Condition;
import dev.cachefn.spi.ConditionalWrites;
import dev.cachefn.spi.FailureCounts;
import dev.cachefn.spi.FetchCoordination;
import dev.cachefn.spi.FetchTurn;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Keyspace} operations on one {@link RedisNamespace}. Single-key reads are one command; writes and
 * removals are one Lua script from {@link Scripts} per call (per {@link BucketChunks chunk} of one bucket for
 * batches, all chunks sent before any answer is awaited); patterns and {@link #size} walk {@code SCAN} pages
 * ({@link NamespaceScan}). On a cluster a namespace is spread over 16 buckets ({@link KeyLayout}): batches are
 * split by bucket, a tag invalidation runs one script per bucket (all sent together). Reads and writes follow
 * the storage's {@link FailurePolicy}; removals never bypass. Thread-safe: it holds no state of its own. Not an
 * API.
 *
 * @param <V> the type of the values
 */
public final class RedisKeyspace<V>
    implements Keyspace<V>, FailureCounts, FetchCoordination<V>, ConditionalWrites<V> {

  private static final byte[] NO_TTL = {'0'};

  private final RedisNamespace<V> namespace;
  private final KeyLayout layout;
  private final RedisCalls calls;
  private final StoredValues<V> values;
  private final NamespaceScan scan;
  private final @Nullable FetchLeases leases;

  /** The keyspace of {@code namespace}; with {@code leases}, misses are fetched by one instance at a time. */
  public RedisKeyspace(RedisNamespace<V> namespace, @Nullable FetchLeases leases) {
    this.namespace = namespace;
    this.layout = namespace.layout();
    this.calls = namespace.calls();
    this.values = namespace.values();
    this.scan = new NamespaceScan(namespace);
    this.leases = leases;
  }

  // ---- reads ----------------------------------------------------------------------------------------

  @Override
  public @Nullable V get(String key) {
    byte[] bytes = calls.orBypass(() -> calls.call("get", keyed(key), () -> calls.redis().get(layout.entry(key))),
        null);
    return bytes == null ? null : values.decodeOrDrop(key, bytes);
  }

  @Override
  public Map<String, V> getAll(Collection<String> keys) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    if (distinct.isEmpty()) {
      return Map.of();
    }
    String[] entryKeys = distinct.stream().map(layout::entry).toArray(String[]::new);
    List<KeyValue<String, byte[]>> pairs = calls.orBypass(() -> calls.call("getAll", keys.size() + " keys",
        () -> calls.resending(() -> calls.redis().mget(entryKeys))), List.of());
    Map<String, V> found = new LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      KeyValue<String, byte[]> pair = pairs.get(i);
      V value = pair.hasValue() ? values.decodeOrDrop(distinct.get(i), pair.getValue()) : null;
      if (value != null) {
        found.put(distinct.get(i), value);
      }
    }
    return found;
  }

  @Override
  public boolean contains(String key) {
    return calls.orBypass(
        () -> calls.call("contains", keyed(key), () -> calls.redis().exists(layout.entry(key))) == 1L, false);
  }

  @Override
  public List<String> keys(GlobPattern pattern) {
    String literal = pattern.literal();
    if (literal != null) {
      return contains(literal) ? List.of(literal) : List.of();
    }
    return calls.orBypass(() -> {
      Set<String> keys = new LinkedHashSet<>();
      scan.entries("keys", pattern, page -> {
        keys.addAll(page);
        return true;
      });
      return List.copyOf(keys);
    }, List.of());
  }

  @Override
  public Map<String, V> entries(GlobPattern pattern, int limit) {
    if (limit == 0) {
      return Map.of();
    }
    String literal = pattern.literal();
    if (literal != null) {
      V value = get(literal);
      return value == null ? Map.of() : Map.of(literal, value);
    }
    return calls.orBypass(() -> {
      Map<String, V> entries = new LinkedHashMap<>();
      scan.entries("entries", pattern, page -> {
        List<String> wanted = page.stream().filter(key -> !entries.containsKey(key)).toList();
        if (!wanted.isEmpty()) {
          for (Map.Entry<String, V> entry : getAll(wanted).entrySet()) {
            if (entries.size() == limit) {
              break;
            }
            entries.put(entry.getKey(), entry.getValue());
          }
        }
        return entries.size() < limit;
      });
      return entries;
    }, Map.of());
  }

  @Override
  public long failures() {
    return calls.failures();
  }

  @Override
  public long decodeFailures() {
    return values.decodeFailures();
  }

  /** With distributed single flight: takes the key's lease in Redis, or waits for its holder's value. */
  @Override
  public FetchTurn<V> beginFetch(String key, Duration wait) {
    return leases == null ? FetchTurn.fetch() : leases.begin(namespace, key, wait);
  }

  /** The entries found by one full {@code SCAN}: one command per page of the whole database. */
  @Override
  public long size() {
    return calls.orBypass(() -> {
      Set<String> keys = new HashSet<>();
      scan.entries("size", GlobPattern.ALL, page -> {
        keys.addAll(page);
        return true;
      });
      return (long) keys.size();
    }, 0L);
  }

  /** Not measured: Redis' {@code INFO memory} tells what the entries take. Always 0. */
  @Override
  public long estimatedBytes() {
    return 0;
  }

  // ---- writes ---------------------------------------------------------------------------------------

  @Override
  public void put(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    putOne("put", key, value, ttl, Condition.NONE, tags);
  }

  @Override
  public boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    return putOne("putIfAbsent", key, value, ttl, Condition.ABSENT, tags) == 1L;
  }

  /** One script compares the entry's stamp (or bytes) with {@code expected}'s and writes; see {@link Scripts#PUT}. */
  @Override
  public boolean replace(String key, V expected, V value, @Nullable Duration ttl, Set<String> tags) {
    return putOne("replace", key, value, ttl, values.unchanged(key, expected), tags) == 1L;
  }

  /** Never bypassed, like every removal. */
  @Override
  public boolean remove(String key, V expected) {
    return values.removeIf("remove", key, values.unchanged(key, expected));
  }

  /** Writes one entry under {@code condition}: {@link Scripts#PUT}'s condition and guard. */
  private long putOne(String operation, String key, V value, @Nullable Duration ttl, Condition condition,
      Set<String> tags) {
    int bucket = layout.bucketOf(key);
    List<byte[]> args = putArgs(bucket, ttl, condition, tags);
    args.add(utf8(key));
    args.add(values.encode(key, value));
    return calls.orBypass(() -> calls.call(operation, keyed(key), () -> runPut(bucket, BucketChunks.array(args))),
        0L);
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> tags) {
    List<Chunk> chunks = BucketChunks.of(layout, entries.entrySet(), Map.Entry::getKey, // encodes all first
        bucket -> putArgs(bucket, ttl, Condition.NONE, tags), (args, entry) -> {
          args.add(utf8(entry.getKey()));
          args.add(values.encode(entry.getKey(), entry.getValue()));
        });
    if (chunks.isEmpty()) {
      return;
    }
    calls.orBypass(() -> calls.call("putAll", entries.size() + " entries", () -> RedisCalls.all(chunks.stream()
        .map(chunk -> runPut(chunk.bucket(), chunk.args())).toList())), List.of());
  }

  private CompletionStage<Long> runPut(int bucket, byte[][] args) {
    return Scripts.PUT.run(calls, ScriptOutputType.INTEGER, layout.scriptKeys(bucket), args);
  }

  private List<byte[]> putArgs(int bucket, @Nullable Duration ttl, Condition condition, Set<String> tags) {
    List<byte[]> args = new ArrayList<>(7 + tags.size());
    args.add(layout.prefixBytes(bucket));
    args.add(ttl == null ? NO_TTL : utf8(Long.toString(millis(ttl))));
    args.add(condition.mode());
    args.add(condition.guard());
    args.add(utf8(Integer.toString(tags.size())));
    tags.forEach(tag -> args.add(utf8(tag)));
    return args;
  }

  /** Redis counts TTLs in whole milliseconds: a TTL is rounded up, so that it never becomes none. */
  static long millis(Duration ttl) {
    try {
      long millis = ttl.toMillis();
      return ttl.minusMillis(millis).isZero() ? Math.max(1, millis) : millis + 1;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  // ---- removals (never bypassed: a dropped removal would serve the removed value once Redis is back) --

  @Override
  public boolean remove(String key) {
    return !removeKeys("remove", keyed(key), List.of(key)).isEmpty();
  }

  @Override
  public List<String> removeAll(Collection<String> keys) {
    return removeKeys("removeAll", keys.size() + " keys", keys);
  }

  private List<String> removeKeys(String operation, String subject, Collection<String> keys) {
    List<Chunk> chunks = BucketChunks.of(layout, new LinkedHashSet<>(keys), key -> key,
        bucket -> new ArrayList<>(List.of(layout.prefixBytes(bucket))), (args, key) -> args.add(utf8(key)));
    if (chunks.isEmpty()) {
      return List.of();
    }
    List<List<Object>> answers = calls.call(operation, subject, () -> RedisCalls.all(chunks.stream()
        .map(chunk -> Scripts.REMOVE.<List<Object>>run(calls, ScriptOutputType.MULTI,
            layout.scriptKeys(chunk.bucket()), chunk.args())).toList()));
    List<String> removed = new ArrayList<>();
    answers.forEach(answer -> answer.forEach(key -> removed.add(text(key))));
    return removed;
  }

  @Override
  public int removeByTags(Collection<String> tags) {
    List<Long> counts = calls.call("removeByTags", "tags " + tags, () -> {
      List<CompletionStage<Long>> perBucket = new ArrayList<>(layout.buckets());
      for (int bucket = 0; bucket < layout.buckets(); bucket++) { // every bucket has its own tag index
        List<byte[]> args = new ArrayList<>();
        args.add(layout.prefixBytes(bucket));
        new LinkedHashSet<>(tags).forEach(tag -> args.add(utf8(tag)));
        perBucket.add(Scripts.REMOVE_BY_TAGS.run(calls, ScriptOutputType.INTEGER, layout.scriptKeys(bucket),
            BucketChunks.array(args)));
      }
      return RedisCalls.all(perBucket);
    });
    return (int) counts.stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public int removeByPattern(GlobPattern pattern) {
    String literal = pattern.literal();
    if (literal != null) {
      return remove(literal) ? 1 : 0;
    }
    int[] count = {0};
    scan.entries("removeByPattern", pattern, page -> {
      count[0] += removeKeys("removeByPattern", "pattern '" + pattern + "'", page).size();
      return true;
    });
    return count[0];
  }

  @Override
  public int clear() {
    int[] count = {0};
    scan.everything("clear", page -> {
      List<String> entries = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (String redisKey : page) {
        String key = layout.keyOf(redisKey);
        if (key != null) {
          entries.add(key);
        } else {
          others.add(redisKey);
        }
      }
      if (!entries.isEmpty()) {
        count[0] += removeKeys("clear", "every key", entries).size();
      }
      if (!others.isEmpty()) {
        String[] unowned = others.toArray(String[]::new);
        calls.call("clear", "every key", () -> calls.resending(() -> calls.redis().unlink(unowned)));
      }
      return true;
    });
    return count[0];
  }

  /** Nothing to detach: Redis expires entries without telling this keyspace. */
  @Override
  public void close() {}

  private static String text(Object answer) {
    return answer instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(answer);
  }

  @Override
  public String toString() {
    return "RedisKeyspace{" + namespace.name() + " at " + calls.uri() + "}";
  }
}
