package dev.cachefn.redis.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.spi.ConditionalWrites;
import dev.cachefn.spi.FailureCounts;
import dev.cachefn.spi.FetchCoordination;
import dev.cachefn.spi.FetchTurn;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.redis.RedisStorageException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
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
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One namespace of a tiered storage: reads are served from the {@link NearCache} when it holds the key, else
 * from Redis in one round trip ({@code GET}, {@code PTTL} and {@code SMEMBERS} of the entry's tags,
 * pipelined), and the answer enters the near cache with the entry's remaining time-to-live and its tags.
 * Every write and removal goes to Redis first, then drops the near entries it touched; other instances hear
 * of it from Redis. Queries over many keys ({@code keys}, {@code entries}, {@code size}) ask Redis. Not an API.
 *
 * @param <V> the type of the values
 */
public final class TieredKeyspace<V>
    implements Keyspace<V>, FailureCounts, FetchCoordination<V>, ConditionalWrites<V> {

  private final RedisNamespace<V> redis;
  private final KeyLayout layout;
  private final RedisKeyspace<V> remote;
  private final NearCache nearCache;
  private final Keyspace<V> near;
  private final String namespace;

  /**
   * The tiered keyspace of {@code redis}: up to {@code maxSize} entries near, in {@code nearCache}, evicted by
   * {@code nearPolicy}; with
   * {@code leases}, misses are fetched by one instance at a time.
   */
  public TieredKeyspace(RedisNamespace<V> redis, @Nullable FetchLeases leases, NearCache nearCache, long maxSize,
      EvictionPolicy nearPolicy) {
    this.redis = redis;
    this.layout = redis.layout();
    this.remote = new RedisKeyspace<>(redis, leases);
    this.nearCache = nearCache;
    this.namespace = redis.name();
    this.near = nearCache.namespace(namespace, maxSize, nearPolicy);
  }

  // ---- reads ----------------------------------------------------------------------------------------

  @Override
  public @Nullable V get(String key) {
    if (nearCache.serving()) {
      V value = near.get(key);
      if (value != null) {
        return value;
      }
    }
    NearCache.Load load = nearCache.begin(namespace, key, layout.entry(key));
    if (load == null) {
      return remote.get(key);
    }
    Map<String, V> found = load(List.of(key), List.of(load), "get", "key '" + key + "'");
    return found.get(key);
  }

  @Override
  public Map<String, V> getAll(Collection<String> keys) {
    Map<String, V> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<NearCache.Load> loads = new ArrayList<>();
    boolean serving = nearCache.serving();
    for (String key : new LinkedHashSet<>(keys)) {
      V value = serving ? near.get(key) : null;
      values.put(key, value); // keeps the order of keys; absent ones are dropped below
      if (value == null) {
        NearCache.Load load = nearCache.begin(namespace, key, layout.entry(key));
        if (load == null) {
          missing.clear();
          loads.forEach(nearCache::abandon);
          return remote.getAll(keys);
        }
        missing.add(key);
        loads.add(load);
      }
    }
    if (!missing.isEmpty()) {
      values.putAll(load(missing, loads, "getAll", missing.size() + " keys"));
    }
    values.values().removeIf(value -> value == null);
    return values;
  }

  /**
   * Reads {@code keys} from Redis with their remaining time-to-live and tags in one round trip, and offers
   * each found value to the near cache.
   */
  private Map<String, V> load(List<String> keys, List<NearCache.Load> loads, String operation, String subject) {
    long sent = System.nanoTime();
    List<Object> answers;
    try {
      RedisCalls calls = redis.calls();
      answers = calls.orBypass(() -> calls.call(operation, subject, () -> {
        List<CompletionStage<Object>> stages = new ArrayList<>(keys.size() * 3);
        for (int i = 0; i < keys.size(); i++) {
          RedisClusterAsyncCommands<String, byte[]> reader = loads.get(i).reader; // tracked for this key's slot
          String key = keys.get(i);
          stages.add(reader.get(layout.entry(key)).thenApply(answer -> answer));
          stages.add(reader.pttl(layout.entry(key)).thenApply(answer -> answer));
          stages.add(reader.smembers(layout.meta(key)).thenApply(answer -> answer));
        }
        return RedisCalls.all(stages);
      }), List.of());
    } catch (RedisStorageException e) {
      loads.forEach(nearCache::abandon);
      if (!isRedirection(e)) {
        throw e;
      }
      nearCache.slotMoved(RedisConnection.rootMessage(e.getCause()));
      return keys.size() == 1 ? found(keys.get(0), remote.get(keys.get(0))) : remote.getAll(keys);
    } catch (RuntimeException e) {
      loads.forEach(nearCache::abandon);
      throw e;
    }
    Map<String, V> found = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      NearCache.Load load = loads.get(i);
      if (answers.isEmpty() || !(answers.get(3 * i) instanceof byte[] bytes)) {
        nearCache.abandon(load);
        continue;
      }
      String key = keys.get(i);
      V value;
      try {
        value = redis.values().decodeOrDrop(key, bytes);
      } catch (RuntimeException e) {
        loads.subList(i, loads.size()).forEach(nearCache::abandon);
        throw e;
      }
      if (value == null) {
        nearCache.abandon(load);
        continue;
      }
      found.put(key, value);
      long pttl = answers.get(3 * i + 1) instanceof Long millis ? millis : -2;
      Duration ttl = pttl == -1 ? null : Duration.ofMillis(pttl).minusNanos(System.nanoTime() - sent);
      if (pttl == -2 || (ttl != null && (ttl.isNegative() || ttl.isZero()))) {
        nearCache.abandon(load);
      } else {
        nearCache.complete(load, value, ttl, tags(answers.get(3 * i + 2)));
      }
    }
    return found;
  }

  /** Whether Redis answered that the key's slot is served by another node (the topology changed). */
  private static boolean isRedirection(RedisStorageException e) {
    String message = e.getCause() == null ? null : e.getCause().getMessage();
    return message != null && (message.startsWith("MOVED ") || message.startsWith("ASK "));
  }

  private static <V> Map<String, V> found(String key, @Nullable V value) {
    return value == null ? Map.of() : Map.of(key, value);
  }

  private static Set<String> tags(Object members) {
    if (!(members instanceof Collection<?> collection) || collection.isEmpty()) {
      return Set.of();
    }
    Set<String> tags = new HashSet<>();
    for (Object member : collection) {
      tags.add(member instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : member.toString());
    }
    return tags;
  }

  @Override
  public boolean contains(String key) {
    return (nearCache.serving() && near.contains(key)) || remote.contains(key);
  }

  @Override
  public List<String> keys(GlobPattern pattern) {
    return remote.keys(pattern);
  }

  @Override
  public Map<String, V> entries(GlobPattern pattern, int limit) {
    return remote.entries(pattern, limit);
  }

  @Override
  public long size() {
    return remote.size();
  }

  @Override
  public long failures() {
    return remote.failures();
  }

  @Override
  public long decodeFailures() {
    return remote.decodeFailures();
  }

  @Override
  public FetchTurn<V> beginFetch(String key, Duration wait) {
    return remote.beginFetch(key, wait);
  }

  /** What the near entries take in this JVM (the memory storage's estimate); Redis' memory is not counted. */
  @Override
  public long estimatedBytes() {
    return near.estimatedBytes();
  }

  // ---- writes and removals: Redis first, then the near entries ---------------------------------------

  @Override
  public void put(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    try {
      remote.put(key, value, ttl, tags);
    } finally {
      nearCache.invalidate(namespace, key);
    }
  }

  @Override
  public boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    try {
      return remote.putIfAbsent(key, value, ttl, tags);
    } finally {
      nearCache.invalidate(namespace, key);
    }
  }

  /** Compared in Redis, as {@link RedisKeyspace#replace} does. */
  @Override
  public boolean replace(String key, V expected, V value, @Nullable Duration ttl, Set<String> tags) {
    try {
      return remote.replace(key, expected, value, ttl, tags);
    } finally {
      nearCache.invalidate(namespace, key);
    }
  }

  @Override
  public boolean remove(String key, V expected) {
    try {
      return remote.remove(key, expected);
    } finally {
      nearCache.invalidate(namespace, key);
    }
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> tags) {
    try {
      remote.putAll(entries, ttl, tags);
    } finally {
      entries.keySet().forEach(key -> nearCache.invalidate(namespace, key));
    }
  }

  @Override
  public boolean remove(String key) {
    try {
      return remote.remove(key);
    } finally {
      nearCache.invalidate(namespace, key);
    }
  }

  @Override
  public List<String> removeAll(Collection<String> keys) {
    try {
      return remote.removeAll(keys);
    } finally {
      keys.forEach(key -> nearCache.invalidate(namespace, key));
    }
  }

  @Override
  public int removeByTags(Collection<String> tags) {
    return thenVoidingNear(() -> remote.removeByTags(tags), () -> near.removeByTags(tags));
  }

  @Override
  public int removeByPattern(GlobPattern pattern) {
    return thenVoidingNear(() -> remote.removeByPattern(pattern), () -> near.removeByPattern(pattern));
  }

  @Override
  public int clear() {
    return thenVoidingNear(remote::clear, near::clear);
  }

  /**
   * Runs a removal by tag, pattern or all on Redis, then, even if it failed, the same removal on the near
   * entries, after voiding the near loads under way: such a removal cannot name the keys it reaches, so a load
   * that read Redis before it must not land.
   */
  private int thenVoidingNear(IntSupplier onRemote, Runnable onNear) {
    try {
      return onRemote.getAsInt();
    } finally {
      nearCache.voidLoads(namespace);
      onNear.run();
    }
  }

  /** Nothing to detach: the near entries belong to the storage, and stay for other caches of the namespace. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "TieredKeyspace{" + namespace + " at " + remote + "}";
  }
}
