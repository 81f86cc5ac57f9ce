package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachefn.Cache;
import dev.cachefn.EvictionPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cache2k.Cache2kBuilder;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The caches the throughput benchmarks compare, each configured the way its authors benchmark it. Select
 * with {@code -p impl=CacheFn,Caffeine,...}.
 */
public enum CacheType {

  /**
   * CacheFn with {@link EvictionPolicy#LRU} and its other defaults (stats on), bounded by {@code maxSize}: the
   * series the earlier results measured as "CacheFn" (LRU was the default until session 8).
   */
  CacheFn {
    @Override
    public BenchCache create(int maximumSize) {
      return cacheFn(maximumSize, true);
    }
  },

  /** CacheFn with its defaults, {@link EvictionPolicy#ADAPTIVE_FREQUENCY} (the default since session 8). */
  CacheFnAdaptive {
    @Override
    public BenchCache create(int maximumSize) {
      return new CacheFnCache(dev.cachefn.CacheFn.builder("bench-" + SEQUENCE.incrementAndGet())
          .maxSize(maximumSize)
          .evictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY)
          .build());
    }
  },

  /**
   * CacheFn LRU without stats: against {@link #CacheFn}, what counting hits and misses costs. Not in the
   * default parameter lists (with {@link #CacheFnBare}, it splits a hit's cost into its parts).
   */
  CacheFnNoStats {
    @Override
    public BenchCache create(int maximumSize) {
      return cacheFn(maximumSize, false);
    }
  },

  /**
   * CacheFn unbounded and without stats: a hit is the lookup and the API's checks only (no read is recorded
   * for an eviction order). Against {@link #ConcurrentHashMap}, what the API and the engine's lookup cost.
   */
  CacheFnBare {
    @Override
    public BenchCache create(int maximumSize) {
      return new CacheFnCache(dev.cachefn.CacheFn.builder("bench-" + SEQUENCE.incrementAndGet())
          .maxSize(Long.MAX_VALUE) // the default (10,000) is a bound: reads would be recorded
          .recordStats(false)
          .build());
    }
  },

  /** Caffeine with {@code initialCapacity = maximumSize}, as Caffeine's own suite; default executor. */
  Caffeine {
    @Override
    public BenchCache create(int maximumSize) {
      return caffeine(maximumSize, false);
    }
  },

  /**
   * Caffeine as {@link #Caffeine}, but its maintenance (replaying reads into its policy, evicting) runs on the
   * calling thread ({@code executor(Runnable::run)}), as CacheFn's does. Against {@link #Caffeine}, what moving
   * that work to a pool thread (on a spare core, if there is one) is worth; not in the default parameter lists.
   */
  CaffeineSameThread {
    @Override
    public BenchCache create(int maximumSize) {
      return caffeine(com.github.benmanes.caffeine.cache.Caffeine.newBuilder().executor(Runnable::run),
          maximumSize, false);
    }
  },

  /** A plain {@link ConcurrentHashMap}, unbounded: the physical limit of a hash-table cache. */
  ConcurrentHashMap {
    @Override
    public BenchCache create(int maximumSize) {
      ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>(maximumSize);
      return new MapCache(map);
    }
  },

  /** A synchronized, access-ordered, bounded {@link LinkedHashMap}: the naive strict LRU. */
  LinkedHashMap {
    @Override
    public BenchCache create(int maximumSize) {
      Map<String, Object> lru = new LinkedHashMap<>(maximumSize, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > maximumSize;
        }
      };
      return new MapCache(Collections.synchronizedMap(lru));
    }
  },

  /** Guava with {@code concurrencyLevel(64)} and {@code initialCapacity = maximumSize}, as Caffeine's suite. */
  Guava {
    @Override
    public BenchCache create(int maximumSize) {
      return guava(maximumSize, 64);
    }
  },

  /** Guava with its default concurrency level (4). Not in the default parameter lists. */
  GuavaDefault {
    @Override
    public BenchCache create(int maximumSize) {
      return guava(maximumSize, -1);
    }
  },

  /** cache2k with {@code entryCapacity}; reads with {@code peek} (no loader). */
  Cache2k {
    @Override
    public BenchCache create(int maximumSize) {
      org.cache2k.Cache<String, Object> cache = Cache2kBuilder.of(String.class, Object.class)
          .name("bench-" + SEQUENCE.incrementAndGet())
          .entryCapacity(maximumSize)
          .build();
      return new BenchCache() {
        @Override
        public @Nullable Object get(String key) {
          return cache.peek(key);
        }

        @Override
        public void put(String key, Object value) {
          cache.put(key, value);
        }

        @Override
        public void clear() {
          cache.clear();
        }

        @Override
        public long size() {
          return cache.asMap().size();
        }

        @Override
        public void close() {
          cache.close();
        }
      };
    }
  },

  /** Ehcache 3 with an on-heap tier bounded in entries ({@code heap(n)}). */
  Ehcache3 {
    @Override
    public BenchCache create(int maximumSize) {
      String alias = "bench-" + SEQUENCE.incrementAndGet();
      CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder()
          .withCache(alias, CacheConfigurationBuilder.newCacheConfigurationBuilder(
              String.class, Object.class, ResourcePoolsBuilder.heap(maximumSize)))
          .build(true);
      org.ehcache.Cache<String, Object> cache = manager.getCache(alias, String.class, Object.class);
      return new BenchCache() {
        @Override
        public @Nullable Object get(String key) {
          return cache.get(key);
        }

        @Override
        public void put(String key, Object value) {
          cache.put(key, value);
        }

        @Override
        public void clear() {
          cache.clear();
        }

        @Override
        public long size() {
          long count = 0;
          for (org.ehcache.Cache.Entry<String, Object> ignored : cache) {
            count++;
          }
          return count;
        }

        @Override
        public void close() {
          manager.close();
        }
      };
    }
  };

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** A cache of this type bounded at {@code maximumSize} entries (the map is unbounded). */
  public abstract BenchCache create(int maximumSize);

  /** CacheFn with {@link EvictionPolicy#LRU}, stats on or off. */
  public static BenchCache cacheFn(int maximumSize, boolean recordStats) {
    Cache<Object> cache = dev.cachefn.CacheFn.builder("bench-" + SEQUENCE.incrementAndGet())
        .maxSize(maximumSize)
        .evictionPolicy(EvictionPolicy.LRU)
        .recordStats(recordStats)
        .build();
    return new CacheFnCache(cache);
  }

  /** Caffeine as in {@link #Caffeine}, optionally with {@code recordStats()}. */
  public static BenchCache caffeine(int maximumSize, boolean recordStats) {
    return caffeine(com.github.benmanes.caffeine.cache.Caffeine.newBuilder(), maximumSize, recordStats);
  }

  static BenchCache caffeine(Caffeine<Object, Object> builder, int maximumSize, boolean recordStats) {
    builder
        .initialCapacity(maximumSize)
        .maximumSize(maximumSize);
    if (recordStats) {
      builder.recordStats();
    }
    com.github.benmanes.caffeine.cache.Cache<String, Object> cache = builder.build();
    return new BenchCache() {
      @Override
      public @Nullable Object get(String key) {
        return cache.getIfPresent(key);
      }

      @Override
      public void put(String key, Object value) {
        cache.put(key, value);
      }

      @Override
      public void clear() {
        cache.invalidateAll();
      }

      @Override
      public void cleanUp() {
        cache.cleanUp();
      }

      @Override
      public long size() {
        return cache.estimatedSize();
      }
    };
  }

  private static BenchCache guava(int maximumSize, int concurrencyLevel) {
    com.google.common.cache.CacheBuilder<Object, Object> builder = com.google.common.cache.CacheBuilder.newBuilder()
        .initialCapacity(maximumSize)
        .maximumSize(maximumSize);
    if (concurrencyLevel > 0) {
      builder.concurrencyLevel(concurrencyLevel);
    }
    com.google.common.cache.Cache<String, Object> cache = builder.build();
    return new BenchCache() {
      @Override
      public @Nullable Object get(String key) {
        return cache.getIfPresent(key);
      }

      @Override
      public void put(String key, Object value) {
        cache.put(key, value);
      }

      @Override
      public void clear() {
        cache.invalidateAll();
      }

      @Override
      public void cleanUp() {
        cache.cleanUp();
      }

      @Override
      public long size() {
        return cache.size();
      }
    };
  }

  /** CacheFn behind {@link BenchCache}; {@link #cache()} exposes the full API. */
  public static final class CacheFnCache implements BenchCache {
    private final Cache<Object> cache;

    CacheFnCache(Cache<Object> cache) {
      this.cache = cache;
    }

    public Cache<Object> cache() {
      return cache;
    }

    @Override
    public @Nullable Object get(String key) {
      return cache.get(key);
    }

    @Override
    public void put(String key, Object value) {
      cache.set(key, value);
    }

    @Override
    public void clear() {
      cache.clear();
    }

    @Override
    public long size() {
      return cache.size();
    }
  }

  private static final class MapCache implements BenchCache {
    private final Map<String, Object> map;

    MapCache(Map<String, Object> map) {
      this.map = map;
    }

    @Override
    public @Nullable Object get(String key) {
      return map.get(key);
    }

    @Override
    public void put(String key, Object value) {
      map.put(key, value);
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public long size() {
      return map.size();
    }
  }
}
