package dev.cachefn.redis.internal;

import dev.cachefn.redis.Codec;
import dev.cachefn.redis.CodecException;
import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorageException;
import dev.cachefn.spi.FailureCounts;
import dev.cachefn.spi.FetchCoordination;
import dev.cachefn.spi.FetchTurn;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One namespace on Redis, laid out as {@link KeyLayout} says. Single-key reads are one command; writes and
 * removals are one Lua script from {@link Scripts} per call (per chunk of {@value #CHUNK} entries of one bucket
 * for batches, all chunks sent before any answer is awaited); patterns and {@link #size} walk {@code SCAN MATCH}
 * pages of {@value #SCAN_COUNT} (of every master, on a cluster). On a cluster a namespace is spread over
 * 16 buckets ({@link KeyLayout}): batches are split by bucket, a tag invalidation runs one script per bucket
 * (all sent together). Thread-safe: it holds no state of its own besides the shared connection. Not an API.
 *
 * @param <V> the type of the values
 */
public final class RedisKeyspace<V> implements Keyspace<V>, FailureCounts, FetchCoordination<V> {

  private static final System.Logger LOG = System.getLogger("dev.cachefn.redis");
  static final int CHUNK = 500;
  static final int SCAN_COUNT = 1000;
  private static final byte[] NONE = {'0'};
  private static final byte[] ONE = {'1'};

  final String namespace;
  final KeyLayout layout;
  private final byte[][] prefixes;
  private final RedisConnection connection;
  private final Codec codec;
  private final @Nullable FetchLeases leases;
  private final LongAdder decodeFailures = new LongAdder();
  private final AtomicBoolean decodeFailureLogged = new AtomicBoolean();

  public RedisKeyspace(String namespace, @Nullable String formatVersion, RedisConnection connection, Codec codec,
      @Nullable FetchLeases leases) {
    this.namespace = namespace;
    this.leases = leases;
    this.layout = new KeyLayout(namespace, formatVersion, connection.isCluster());
    this.prefixes = new byte[layout.buckets()][];
    for (int bucket = 0; bucket < prefixes.length; bucket++) {
      prefixes[bucket] = bytes(layout.prefix(bucket));
    }
    this.connection = connection;
    this.codec = codec;
  }

  // ---- reads ----------------------------------------------------------------------------------------

  @Override
  public @Nullable V get(String key) {
    byte[] bytes = orBypass(() -> call("get", keyed(key), () -> redis().get(layout.entry(key))), null);
    return bytes == null ? null : decodeOrDrop(key, bytes);
  }

  @Override
  public Map<String, V> getAll(Collection<String> keys) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    if (distinct.isEmpty()) {
      return Map.of();
    }
    String[] entryKeys = distinct.stream().map(layout::entry).toArray(String[]::new);
    List<KeyValue<String, byte[]>> found =
        orBypass(() -> call("getAll", keys.size() + " keys", () -> redis().mget(entryKeys)), List.of());
    Map<String, V> values = new LinkedHashMap<>();
    for (int i = 0; i < found.size(); i++) {
      KeyValue<String, byte[]> pair = found.get(i);
      V value = pair.hasValue() ? decodeOrDrop(distinct.get(i), pair.getValue()) : null;
      if (value != null) {
        values.put(distinct.get(i), value);
      }
    }
    return values;
  }

  @Override
  public boolean contains(String key) {
    return orBypass(() -> call("contains", keyed(key), () -> redis().exists(layout.entry(key))) == 1L, false);
  }

  @Override
  public List<String> keys(GlobPattern pattern) {
    String literal = pattern.literal();
    if (literal != null) {
      return contains(literal) ? List.of(literal) : List.of();
    }
    return orBypass(() -> {
      Set<String> keys = new LinkedHashSet<>();
      scan("keys", pattern, page -> {
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
    return orBypass(() -> {
      Map<String, V> entries = new LinkedHashMap<>();
      scan("entries", pattern, page -> {
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
    return connection.failures();
  }

  @Override
  public long decodeFailures() {
    return decodeFailures.sum();
  }

  /** With distributed single flight: takes the key's lease in Redis, or waits for its holder's value. */
  @Override
  public FetchTurn<V> beginFetch(String key, Duration wait) {
    return leases == null ? FetchTurn.fetch() : leases.begin(this, key, wait);
  }

  /** The entries found by one full {@code SCAN}: one command per page of the whole database. */
  @Override
  public long size() {
    return orBypass(() -> {
      Set<String> keys = new HashSet<>();
      scan("size", GlobPattern.ALL, page -> {
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
    int bucket = layout.bucketOf(key);
    List<byte[]> args = putArgs(bucket, ttl, false, tags);
    args.add(bytes(key));
    args.add(encode(key, value));
    orBypass(() -> call("put", keyed(key), () -> runPut(bucket, array(args))), 0L);
  }

  @Override
  public boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    int bucket = layout.bucketOf(key);
    List<byte[]> args = putArgs(bucket, ttl, true, tags);
    args.add(bytes(key));
    args.add(encode(key, value));
    return orBypass(() -> call("putIfAbsent", keyed(key), () -> runPut(bucket, array(args))), 0L) == 1L;
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> tags) {
    List<Chunk> chunks = chunks(entries.entrySet(), Map.Entry::getKey, // encodes all before writing any
        bucket -> putArgs(bucket, ttl, false, tags), (args, entry) -> {
          args.add(bytes(entry.getKey()));
          args.add(encode(entry.getKey(), entry.getValue()));
        });
    if (chunks.isEmpty()) {
      return;
    }
    orBypass(() -> call("putAll", entries.size() + " entries", () -> all(chunks.stream()
        .map(chunk -> runPut(chunk.bucket, chunk.args)).toList())), List.of());
  }

  /**
   * The script arguments for {@code items}, split by bucket and into chunks of at most {@value #CHUNK} items:
   * each chunk's arguments start with {@code header} of its bucket, then what {@code add} appends per item.
   */
  private <T> List<Chunk> chunks(Collection<T> items, Function<T, String> keyOf,
      IntFunction<List<byte[]>> header, BiConsumer<List<byte[]>, T> add) {
    List<Chunk> chunks = new ArrayList<>();
    List<List<byte[]>> open = new ArrayList<>(Collections.nCopies(prefixes.length, null));
    int[] counts = new int[prefixes.length];
    for (T item : items) {
      int bucket = layout.bucketOf(keyOf.apply(item));
      if (open.get(bucket) == null) {
        open.set(bucket, header.apply(bucket));
      }
      add.accept(open.get(bucket), item);
      if (++counts[bucket] == CHUNK) {
        chunks.add(new Chunk(bucket, array(open.get(bucket))));
        open.set(bucket, null);
        counts[bucket] = 0;
      }
    }
    for (int bucket = 0; bucket < prefixes.length; bucket++) {
      if (open.get(bucket) != null) {
        chunks.add(new Chunk(bucket, array(open.get(bucket))));
      }
    }
    return chunks;
  }

  /** The arguments of one script for one bucket. */
  private record Chunk(int bucket, byte[][] args) {}

  private CompletionStage<Long> runPut(int bucket, byte[][] args) {
    return Scripts.PUT.run(redis(), ScriptOutputType.INTEGER, layout.prefix(bucket), args);
  }

  private List<byte[]> putArgs(int bucket, @Nullable Duration ttl, boolean onlyAbsent, Set<String> tags) {
    List<byte[]> args = new ArrayList<>(6 + tags.size());
    args.add(prefixes[bucket]);
    args.add(ttl == null ? NONE : bytes(Long.toString(millis(ttl))));
    args.add(onlyAbsent ? ONE : NONE);
    args.add(bytes(Integer.toString(tags.size())));
    tags.forEach(tag -> args.add(bytes(tag)));
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
    List<Chunk> chunks = chunks(new LinkedHashSet<>(keys), key -> key,
        bucket -> new ArrayList<>(List.of(prefixes[bucket])), (args, key) -> args.add(bytes(key)));
    if (chunks.isEmpty()) {
      return List.of();
    }
    List<List<Object>> answers = call(operation, subject, () -> all(chunks.stream()
        .map(chunk -> Scripts.REMOVE.<List<Object>>run(redis(), ScriptOutputType.MULTI,
            layout.prefix(chunk.bucket), chunk.args)).toList()));
    List<String> removed = new ArrayList<>();
    answers.forEach(answer -> answer.forEach(key -> removed.add(text(key))));
    return removed;
  }

  @Override
  public int removeByTags(Collection<String> tags) {
    List<CompletionStage<Long>> perBucket = new ArrayList<>(prefixes.length);
    List<Long> counts = call("removeByTags", "tags " + tags, () -> {
      for (int bucket = 0; bucket < prefixes.length; bucket++) { // every bucket has its own tag index
        List<byte[]> args = new ArrayList<>();
        args.add(prefixes[bucket]);
        new LinkedHashSet<>(tags).forEach(tag -> args.add(bytes(tag)));
        perBucket.add(Scripts.REMOVE_BY_TAGS.run(redis(), ScriptOutputType.INTEGER, layout.prefix(bucket),
            array(args)));
      }
      return all(perBucket);
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
    scan("removeByPattern", pattern, page -> {
      count[0] += removeKeys("removeByPattern", "pattern '" + pattern + "'", page).size();
      return true;
    });
    return count[0];
  }

  @Override
  public int clear() {
    int[] count = {0};
    scanRaw("clear", "every key", layout.everything(), page -> {
      List<String> entries = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (String redisKey : page) {
        String key = layout.keyOf(redisKey);
        if (key != null) {
          entries.add(key);
        } else if (layout.owns(redisKey)) {
          others.add(redisKey);
        }
      }
      if (!entries.isEmpty()) {
        count[0] += removeKeys("clear", "every key", entries).size();
      }
      if (!others.isEmpty()) {
        call("clear", "every key", () -> redis().unlink(others.toArray(String[]::new)));
      }
      return true;
    });
    return count[0];
  }

  /** Nothing to detach: Redis expires entries without telling this keyspace. */
  @Override
  public void close() {}

  // ---- plumbing -------------------------------------------------------------------------------------

  /** Walks the entries whose keys match {@code pattern}, a page at a time, until {@code page} answers false. */
  private void scan(String operation, GlobPattern pattern, Predicate<List<String>> page) {
    scanRaw(operation, "pattern '" + pattern + "'", layout.entries(pattern), redisKeys -> {
      List<String> keys = new ArrayList<>(redisKeys.size());
      for (String redisKey : redisKeys) {
        String key = layout.keyOf(redisKey);
        if (key != null && pattern.matches(key)) {
          keys.add(key);
        }
      }
      return keys.isEmpty() || page.test(keys);
    });
  }

  private void scanRaw(String operation, String subject, String match, Predicate<List<String>> page) {
    ScanArgs args = ScanArgs.Builder.matches(match).limit(SCAN_COUNT);
    ScanCursor cursor = ScanCursor.INITIAL;
    while (true) {
      ScanCursor from = cursor;
      KeyScanCursor<String> found = call(operation, subject, () -> redis().scan(from, args));
      if (!page.test(found.getKeys()) || found.isFinished()) {
        return;
      }
      cursor = found;
    }
  }

  /** Sends a command and awaits Redis' answer, turning a failure into a {@link RedisStorageException}. */
  <T> T call(String operation, String subject, Supplier<? extends CompletionStage<T>> command) {
    Throwable failure;
    try {
      T answer = command.get().toCompletableFuture()
          .get(connection.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
      connection.health().answered();
      return answer;
    } catch (ExecutionException e) {
      failure = e.getCause() != null ? e.getCause() : e;
    } catch (TimeoutException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } catch (RuntimeException e) {
      failure = e;
    }
    if (Health.isOutage(failure)) {
      connection.health().failed(operation, failure);
    }
    throw new RedisStorageException(operation, connection.uri(), "Redis " + operation + " of " + subject
        + " in namespace '" + namespace + "' failed at " + connection.uri() + ": "
        + RedisConnection.rootMessage(failure), failure);
  }

  /** Runs a read or a write; under {@link FailurePolicy#BYPASS}, answers {@code bypassed} when Redis is out. */
  <T> T orBypass(Supplier<T> operation, T bypassed) {
    if (connection.policy() != FailurePolicy.BYPASS) {
      return operation.get();
    }
    try {
      return operation.get();
    } catch (RedisStorageException e) {
      if (e.getCause() != null && Health.isOutage(e.getCause())) {
        return bypassed;
      }
      throw e;
    }
  }

  /** The connection's commands, connecting first when it is lazy; routed by slot on a cluster. */
  RedisClusterAsyncCommands<String, byte[]> redis() {
    return connection.commands();
  }

  static <T> CompletionStage<List<T>> all(List<CompletionStage<T>> stages) {
    CompletableFuture<?>[] futures = stages.stream().map(CompletionStage::toCompletableFuture)
        .toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(futures).thenApply(done -> stages.stream()
        .map(stage -> stage.toCompletableFuture().join()).toList());
  }

  private byte[] encode(String key, Object value) {
    byte[] bytes;
    try {
      bytes = codec.encode(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("value of " + value.getClass().getName() + " for key '" + key
          + "' cannot be encoded by " + codec + ": " + e.getMessage(), e);
    }
    if (bytes == null) {
      throw new IllegalArgumentException(codec + " encoded the value for key '" + key + "' as null");
    }
    return bytes;
  }

  /**
   * The value {@code bytes} stand for, or {@code null} when the codec cannot decode them (written by another
   * version of the application, say): then the entry is removed, unless a newer value replaced it meanwhile,
   * so that the caller's miss lets a fresh value in. Counted; logged once per keyspace. A failure to remove
   * leaves the entry for the next read to try again.
   */
  @SuppressWarnings("unchecked")
  @Nullable V decodeOrDrop(String key, byte[] bytes) {
    try {
      return (V) codec.decode(bytes);
    } catch (RuntimeException e) {
      decodeFailures.increment();
      if (!decodeFailureLogged.get() && decodeFailureLogged.compareAndSet(false, true)) {
        CodecException failure = new CodecException("the value stored under key '" + key + "' in namespace '"
            + namespace + "' at " + connection.uri() + " cannot be decoded by " + codec + ": " + e.getMessage(), e);
        LOG.log(Level.WARNING, failure.getMessage() + "; it is removed and read as a miss. Values written by"
            + " another version of the application do this: give each version its own"
            + " cachefn.redis.format-version to keep them apart. Logged once per cache; the decodeFailures stat"
            + " counts them.", failure);
      }
      try {
        call("get", keyed(key), () -> Scripts.REMOVE_IF_VALUE.<Long>run(redis(), ScriptOutputType.INTEGER,
            layout.prefixOf(key), prefixes[layout.bucketOf(key)], bytes(key), bytes));
      } catch (RedisStorageException notRemoved) {
        // counted as a failure if Redis is out; the next read finds the bytes and tries again
      }
      return null;
    }
  }

  private static String keyed(String key) {
    return "key '" + key + "'";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Object answer) {
    return answer instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(answer);
  }

  private static byte[][] array(List<byte[]> args) {
    return args.toArray(new byte[0][]);
  }

  @Override
  public String toString() {
    return "RedisKeyspace{" + namespace + " at " + connection.uri() + "}";
  }
}
