package dev.cachefn.benchmarks;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.redis.JsonCodec;
import dev.cachefn.redis.RedisStorage;
import dev.cachefn.redis.TieredStorage;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of CacheFn's Redis storages against raw Lettuce on the same server, single-threaded:
 *
 * <ul>
 *   <li>{@code lettuceGet} / {@code redisGet}: one present key by a plain Lettuce {@code GET} of the same JSON
 *       bytes, and by {@code Cache.get} on a {@link RedisStorage} (adds the key prefix, JSON decoding, stats);
 *   <li>{@code lettuceSet} / {@code redisSet}: a plain {@code SET}, and {@code Cache.set} (a Lua script that
 *       also keeps the tag index, JSON encoding);
 *   <li>{@code redisGetMany100} / {@code redisGet100}: 100 keys by one {@code getMany} (one {@code MGET}) and
 *       by 100 single {@code get}s;
 *   <li>{@code tieredNearHit} / {@code memoryHit}: a hit in a {@link TieredStorage}'s near cache and in the
 *       plain memory storage.
 * </ul>
 *
 * <p>The server is {@code -Dcachefn.redis.uri} if set, else a {@code redis-server} this benchmark starts on a
 * free loopback port without persistence (Debian: {@code apt-get install -y redis-server}) and stops after.
 * Latency to a local server measures the client path plus one loopback round trip; ratios between methods of
 * one run are what to read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisBenchmark {

  static final int KEYS = 1024;
  static final int MASK = KEYS - 1;

  private LocalRedisServer server;
  private RedisClient client;
  private RedisCommands<String, byte[]> lettuce;
  private RedisStorage redisStorage;
  private TieredStorage tieredStorage;
  private Cache<String> redis;
  private Cache<String> tiered;
  private Cache<String> memory;
  private String[] keys;
  private String[] rawKeys;
  private byte[] rawValue;
  private final List<List<String>> batches = new ArrayList<>();
  private int cursor;

  @Setup
  public void setup() throws Exception {
    String uri = System.getProperty("cachefn.redis.uri");
    if (uri == null) {
      server = LocalRedisServer.start();
      uri = server.uri();
    }
    client = RedisClient.create(uri);
    StatefulRedisConnection<String, byte[]> connection =
        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    lettuce = connection.sync();
    redisStorage = RedisStorage.create(uri);
    tieredStorage = TieredStorage.create(uri);
    redis = CacheFn.builder("bench-redis").storage(redisStorage).build();
    tiered = CacheFn.builder("bench-tiered").storage(tieredStorage).maxSize(KEYS * 2).build();
    memory = CacheFn.builder("bench-memory").maxSize(KEYS * 2).build();
    keys = new String[KEYS];
    rawKeys = new String[KEYS];
    rawValue = JsonCodec.create().encode("value of a typical size, say a short JSON document or a name");
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "user:" + i;
      rawKeys[i] = "raw:user:" + i;
      String value = "value of a typical size, say a short JSON document or a name";
      redis.set(keys[i], value);
      tiered.set(keys[i], value);
      memory.set(keys[i], value);
      lettuce.set(rawKeys[i], rawValue);
    }
    for (int start = 0; start < KEYS; start += 100) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        batch.add(keys[(start + i) & MASK]);
      }
      batches.add(batch);
    }
    for (String key : keys) {
      tiered.get(key); // into the near cache
    }
  }

  @TearDown
  public void tearDown() {
    tieredStorage.close();
    redisStorage.close();
    client.shutdown();
    if (server != null) {
      server.close();
    }
  }

  private String next() {
    return keys[cursor++ & MASK];
  }

  @Benchmark
  public byte[] lettuceGet() {
    return lettuce.get(rawKeys[cursor++ & MASK]);
  }

  @Benchmark
  public String redisGet() {
    return redis.get(next());
  }

  @Benchmark
  public String lettuceSet() {
    return lettuce.set(rawKeys[cursor++ & MASK], rawValue);
  }

  @Benchmark
  public void redisSet() {
    redis.set(next(), "value of a typical size, say a short JSON document or a name");
  }

  @Benchmark
  public Map<String, String> redisGetMany100() {
    return redis.getMany(batches.get(cursor++ % batches.size()));
  }

  @Benchmark
  public int redisGet100() {
    int found = 0;
    for (String key : batches.get(cursor++ % batches.size())) {
      if (redis.get(key) != null) {
        found++;
      }
    }
    return found;
  }

  @Benchmark
  public String tieredNearHit() {
    return tiered.get(next());
  }

  @Benchmark
  public String memoryHit() {
    return memory.get(next());
  }
}
