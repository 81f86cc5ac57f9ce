package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import dev.cachefn.jcache.CacheFnCachingProvider;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Benchmark 9: the JCache API, through each provider's {@code javax.cache.Cache}: cachefn-jcache against
 * Caffeine's and Ehcache 3's JCache providers. The same scrambled-Zipf {@link Keys} as
 * {@link ReadWriteBenchmark}, all present (the hit path); every cache is created from the same plain
 * {@link MutableConfiguration}: store-by-reference, statistics off, no expiry, no loader, writer or
 * listener; unbounded, or ({@code bounded=true}) bounded through each provider's own configuration class,
 * since JCache has no standard bound.
 *
 * <ul>
 *   <li>{@code get}, {@code put} (a replace of a present key), {@code mix} (3 gets then 1 put per thread);
 *   <li>{@code invoke}: an {@code EntryProcessor} that reads the entry and writes it back changed, the
 *       JCache way to do an atomic read-modify-write.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class JCacheBenchmark {

  /** The providers, by their {@code CachingProvider} class. */
  public enum Provider {
    CacheFn(CacheFnCachingProvider.class),
    Caffeine(CaffeineCachingProvider.class),
    Ehcache3(EhcacheCachingProvider.class);

    final String className;

    Provider(Class<? extends CachingProvider> type) {
      this.className = type.getName();
    }
  }

  @Param({"CacheFn", "Caffeine", "Ehcache3"})
  public Provider impl;

  /**
   * Whether the cache is bounded, each provider through its own configuration class, at {@link #BOUND}:
   * nothing is evicted, but reads are recorded for the eviction order.
   */
  @Param({"false", "true"})
  public boolean bounded;

  /**
   * One and a half times the distinct keys: room for all of them, and more than half full, because Caffeine
   * starts counting reads in its frequency sketch only once a cache is half full (its own benchmarks force
   * that with {@code initialCapacity}, which its JCache configuration does not offer). At twice the keys,
   * Caffeine's reads here skipped the sketch: 45.8 M ops/s against 13.4 M for the same cache in
   * {@link ReadWriteBenchmark}.
   */
  static final int BOUND = Keys.ITEMS + Keys.ITEMS / 2;

  String[] keys;
  CachingProvider provider;
  CacheManager manager;
  Cache<String, Integer> cache;

  @Setup
  public void setup() {
    keys = Keys.zipf();
    provider = Caching.getCachingProvider(impl.className);
    manager = provider.getCacheManager();
    cache = manager.createCache("bench", configuration());
    for (String key : keys) {
      cache.put(key, 1);
    }
  }

  /** Store-by-reference, statistics off, {@code String} to {@code Integer}; bounded if asked. */
  private javax.cache.configuration.Configuration<String, Integer> configuration() {
    if (!bounded) {
      return plain(new MutableConfiguration<>());
    }
    return switch (impl) {
      case CacheFn -> plain(new dev.cachefn.jcache.CacheFnConfiguration<String, Integer>().setMaxSize(BOUND));
      case Caffeine -> {
        var caffeine = new com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration<String, Integer>();
        caffeine.setMaximumSize(java.util.OptionalLong.of(BOUND));
        caffeine.setTypes(String.class, Integer.class);
        caffeine.setStoreByValue(false);
        caffeine.setStatisticsEnabled(false);
        yield caffeine;
      }
      case Ehcache3 -> org.ehcache.jsr107.Eh107Configuration.fromEhcacheCacheConfiguration(
          org.ehcache.config.builders.CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class,
              Integer.class, org.ehcache.config.builders.ResourcePoolsBuilder.heap(BOUND)));
    };
  }

  private static <C extends MutableConfiguration<String, Integer>> C plain(C configuration) {
    configuration.setTypes(String.class, Integer.class).setStoreByValue(false).setStatisticsEnabled(false);
    return configuration;
  }

  @TearDown
  public void tearDown() {
    manager.destroyCache("bench");
    provider.close();
  }

  @Benchmark
  @Group("get")
  @GroupThreads(1)
  public Object get(ThreadCursor cursor) {
    return cache.get(keys[cursor.index++ & Keys.MASK]);
  }

  @Benchmark
  @Group("put")
  @GroupThreads(1)
  public void put(ThreadCursor cursor) {
    cache.put(keys[cursor.index++ & Keys.MASK], 1);
  }

  @Benchmark
  @Group("mix")
  @GroupThreads(1)
  public Object mix(ThreadCursor cursor) {
    int index = cursor.index++;
    String key = keys[index & Keys.MASK];
    if ((index & 3) == 0) {
      cache.put(key, 1);
      return Boolean.TRUE;
    }
    return cache.get(key);
  }

  @Benchmark
  @Group("invoke")
  @GroupThreads(1)
  public Object invoke(ThreadCursor cursor) {
    return cache.invoke(keys[cursor.index++ & Keys.MASK], (entry, arguments) -> {
      Integer value = entry.getValue();
      entry.setValue(value == null ? 1 : value + 1);
      return value;
    });
  }
}
