package dev.cachefn.benchmarks;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.redis.RedisStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RedisStorage} on one server and on a Redis Cluster of three masters, in the same run
 * ({@code topology=server|cluster}), single-threaded, µs per operation:
 *
 * <ul>
 *   <li>{@code get}: one present key;
 *   <li>{@code setWithTags}: {@code Cache.set} with two tags (the Lua script with the tag index);
 *   <li>{@code getMany100}: 100 keys in one call (one {@code MGET} on a server, split by slot on a cluster);
 *   <li>{@code invalidateTag1000}: {@code invalidateByTag} of a tag that 1,000 entries carry (one script on a
 *       server, one per bucket on a cluster); the 1,000 entries are written again before each call, untimed;
 *   <li>{@code missWithoutLease} / {@code missWithLease}: {@code getOrFetch} of a missing key, without and with
 *       distributed single flight (the lease: one more round trip to take it, one to release it).
 * </ul>
 *
 * <p>The server is {@code -Dcachefn.redis.uri} and the cluster {@code -Dcachefn.redis.cluster-uri} if set;
 * else this benchmark starts a {@code redis-server} on a free port, and a cluster with
 * {@code scripts/redis.sh cluster start} (run it from the repository root), and stops them after.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedisClusterBenchmark {

  static final int KEYS = 1024;
  static final int MASK = KEYS - 1;
  static final String VALUE = "value of a typical size, say a short JSON document or a name";

  @Param({"server", "cluster"})
  public String topology;

  private LocalRedisServer server;
  private boolean startedCluster;
  private RedisStorage storage;
  private Cache<String> cache;
  private Cache<String> leased;
  private Cache<String> tagged;
  private String[] keys;
  private final List<List<String>> batches = new ArrayList<>();
  private final Map<String, String> thousand = new HashMap<>();
  private int cursor;
  private long misses;

  @Setup
  public void setup() throws Exception {
    String uri = topology.equals("cluster") ? clusterUri() : serverUri();
    storage = RedisStorage.create(uri);
    cache = CacheFn.builder("bench-" + topology).storage(storage).build();
    leased = CacheFn.builder("bench-lease-" + topology).storage(storage).distributedSingleFlight(true).build();
    tagged = CacheFn.builder("bench-tags-" + topology).storage(storage).build();
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "user:" + i;
      cache.set(keys[i], VALUE);
    }
    for (int start = 0; start < KEYS; start += 100) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        batch.add(keys[(start + i) & MASK]);
      }
      batches.add(batch);
    }
    for (int i = 0; i < 1000; i++) {
      thousand.put("tagged:" + i, VALUE);
    }
  }

  /** Writes the 1,000 tagged entries again before each {@code invalidateTag1000} call, untimed. */
  @State(Scope.Thread)
  public static class TaggedThousand {
    @Setup(Level.Invocation)
    public void write(RedisClusterBenchmark benchmark) {
      benchmark.tagged.setMany(benchmark.thousand, SetOptions.tags("team"));
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    cache.clear();
    leased.clear();
    storage.close();
    if (server != null) {
      server.close();
    }
    if (startedCluster) {
      new ProcessBuilder("bash", "scripts/redis.sh", "cluster", "stop").inheritIO().start().waitFor();
    }
  }

  private String next() {
    return keys[cursor++ & MASK];
  }

  @Benchmark
  public String get() {
    return cache.get(next());
  }

  @Benchmark
  public void setWithTags() {
    cache.set(next(), VALUE, SetOptions.tags("team", "region"));
  }

  @Benchmark
  public Map<String, String> getMany100() {
    return cache.getMany(batches.get(cursor++ % batches.size()));
  }

  @Benchmark
  public int invalidateTag1000(TaggedThousand entries) {
    return tagged.invalidateByTag("team");
  }

  @Benchmark
  public String missWithoutLease() {
    return cache.getOrFetch("miss:" + misses++, () -> VALUE);
  }

  @Benchmark
  public String missWithLease() {
    return leased.getOrFetch("miss:" + misses++, () -> VALUE);
  }

  private String clusterUri() throws IOException, InterruptedException {
    String given = System.getProperty("cachefn.redis.cluster-uri");
    if (given != null) {
      return given;
    }
    Process start = new ProcessBuilder("bash", "scripts/redis.sh", "cluster", "start").start();
    String uri;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(start.getInputStream(),
        StandardCharsets.UTF_8))) {
      uri = out.readLine();
    }
    if (start.waitFor() != 0 || uri == null || !uri.startsWith("redis-cluster://")) {
      throw new IllegalStateException("scripts/redis.sh cluster start failed (run from the repository root, or"
          + " pass -Dcachefn.redis.cluster-uri): " + new String(start.getErrorStream().readAllBytes(),
              StandardCharsets.UTF_8));
    }
    startedCluster = true;
    return uri;
  }

  private String serverUri() throws IOException, InterruptedException {
    String given = System.getProperty("cachefn.redis.uri");
    if (given != null) {
      return given;
    }
    server = LocalRedisServer.start();
    return server.uri();
  }
}
