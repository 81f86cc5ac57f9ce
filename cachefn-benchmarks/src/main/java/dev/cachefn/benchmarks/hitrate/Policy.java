package dev.cachefn.benchmarks.hitrate;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachefn.Cache;
import dev.cachefn.EvictionPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cache2k.Cache2kBuilder;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;

/**
 * The policies the hit-rate report replays, in column order. Each replay is single-threaded, starts from an
 * empty cache and makes one pass: {@code get}; on a miss, {@code put} (the rule of
 * {@code shared/traces/README.md}). Keys are boxed as {@code Long}; CacheFn, whose keys are strings, gets
 * the key's decimal form.
 */
public enum Policy {

  /** Bélády's optimum: the upper bound. */
  OPT("OPT") {
    @Override
    public long hits(Trace trace, int capacity) {
      return Belady.hits(trace, capacity);
    }
  },

  /** A {@link LinkedHashMap} in access order with {@code removeEldestEntry(size() > capacity)}: exact LRU. */
  LRU("LRU") {
    @Override
    public long hits(Trace trace, int capacity) {
      Map<Long, Long> lru = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
          return size() > capacity;
        }
      };
      long hits = 0;
      for (long key : trace.keys()) {
        if (lru.get(key) != null) {
          hits++;
        } else {
          lru.put(key, key);
        }
      }
      return hits;
    }
  },

  /** CacheFn's in-memory engine with {@code maxSize(capacity)} and {@link EvictionPolicy#LRU}, stats off. */
  CACHEFN("CacheFn LRU") {
    @Override
    public long hits(Trace trace, int capacity) {
      return cacheFnHits(trace, capacity, EvictionPolicy.LRU);
    }
  },

  /** CacheFn's in-memory engine with {@link EvictionPolicy#ADAPTIVE_FREQUENCY}, stats off. */
  CACHEFN_ADAPTIVE("CacheFn adaptive") {
    @Override
    public long hits(Trace trace, int capacity) {
      return cacheFnHits(trace, capacity, EvictionPolicy.ADAPTIVE_FREQUENCY);
    }
  },

  /** Caffeine with {@code maximumSize(capacity)} and {@code executor(Runnable::run)}. */
  CAFFEINE("Caffeine") {
    @Override
    public long hits(Trace trace, int capacity) {
      com.github.benmanes.caffeine.cache.Cache<Long, Long> cache = Caffeine.newBuilder()
          .maximumSize(capacity)
          .executor(Runnable::run)
          .build();
      long hits = 0;
      for (long key : trace.keys()) {
        if (cache.getIfPresent(key) != null) {
          hits++;
        } else {
          cache.put(key, key);
        }
      }
      return hits;
    }
  },

  /** Guava with {@code maximumSize(capacity)} and its default concurrency level (4). */
  GUAVA("Guava") {
    @Override
    public long hits(Trace trace, int capacity) {
      com.google.common.cache.Cache<Long, Long> cache =
          com.google.common.cache.CacheBuilder.newBuilder().maximumSize(capacity).build();
      long hits = 0;
      for (long key : trace.keys()) {
        if (cache.getIfPresent(key) != null) {
          hits++;
        } else {
          cache.put(key, key);
        }
      }
      return hits;
    }
  },

  /** Ehcache 3 with an on-heap tier of {@code capacity} entries. */
  EHCACHE("Ehcache 3") {
    @Override
    public long hits(Trace trace, int capacity) {
      String alias = "hitrate-" + SEQUENCE.incrementAndGet();
      try (CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder()
          .withCache(alias, CacheConfigurationBuilder.newCacheConfigurationBuilder(
              Long.class, Long.class, ResourcePoolsBuilder.heap(capacity)))
          .build(true)) {
        org.ehcache.Cache<Long, Long> cache = manager.getCache(alias, Long.class, Long.class);
        long hits = 0;
        for (long key : trace.keys()) {
          if (cache.get(key) != null) {
            hits++;
          } else {
            cache.put(key, key);
          }
        }
        return hits;
      }
    }
  },

  /** cache2k with {@code entryCapacity(capacity)}; reads with {@code peek}. */
  CACHE2K("cache2k") {
    @Override
    public long hits(Trace trace, int capacity) {
      try (org.cache2k.Cache<Long, Long> cache = Cache2kBuilder.of(Long.class, Long.class)
          .name("hitrate-" + SEQUENCE.incrementAndGet())
          .entryCapacity(capacity)
          .build()) {
        long hits = 0;
        for (long key : trace.keys()) {
          if (cache.peek(key) != null) {
            hits++;
          } else {
            cache.put(key, key);
          }
        }
        return hits;
      }
    }
  };

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** One replay through a real CacheFn cache (the product's engine, not a simulation of it). */
  private static long cacheFnHits(Trace trace, int capacity, EvictionPolicy policy) {
    Cache<Long> cache = dev.cachefn.CacheFn.builder("hitrate-" + SEQUENCE.incrementAndGet())
        .maxSize(capacity)
        .evictionPolicy(policy)
        .recordStats(false)
        .build();
    String[] names = new String[trace.distinct()];
    long[] distinct = trace.distinctKeys();
    for (int id = 0; id < names.length; id++) {
      names[id] = Long.toString(distinct[id]);
    }
    long hits = 0;
    int[] ids = trace.ids();
    for (int i = 0; i < ids.length; i++) {
      String key = names[ids[i]];
      if (cache.get(key) != null) {
        hits++;
      } else {
        cache.set(key, distinct[ids[i]]);
      }
    }
    return hits;
  }

  private final String label;

  Policy(String label) {
    this.label = label;
  }

  /** The column title. */
  public String label() {
    return label;
  }

  /** The hits of one cold, single-threaded pass over {@code trace} with {@code capacity} entries. */
  public abstract long hits(Trace trace, int capacity);

  /** The hit rate in percent. */
  public double hitRate(Trace trace, int capacity) {
    return 100.0 * hits(trace, capacity) / trace.accesses();
  }

  /** The policy whose label or name is {@code name}, ignoring case. */
  public static Policy named(String name) {
    for (Policy policy : values()) {
      if (policy.label.equalsIgnoreCase(name) || policy.name().equalsIgnoreCase(name)
          || policy.label.replace(" ", "").equalsIgnoreCase(name)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("unknown policy '" + name
        + "'; known: OPT, LRU, CacheFnLRU, CacheFnAdaptive, Caffeine, Guava, Ehcache3, cache2k");
  }
}
