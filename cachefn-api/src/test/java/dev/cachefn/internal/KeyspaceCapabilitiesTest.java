package dev.cachefn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.CacheStats;
import dev.cachefn.spi.FailureCounts;
import dev.cachefn.spi.FetchCoordination;
import dev.cachefn.spi.FetchTurn;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.LookupCounter;
import dev.cachefn.spi.LookupCounting;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The optional capabilities of the Keyspace SPI: a keyspace that implements only {@link Keyspace} gives a working
 * cache; one that implements {@link FailureCounts}, {@link FetchCoordination} or {@link LookupCounting} is used
 * through it, and the cache looks for a capability once, when it opens the keyspace.
 */
class KeyspaceCapabilitiesTest {

  private static <V> Cache<V> cacheOver(Function<RemovalListener<Object>, MapKeyspace<Object>> keyspaces) {
    return CacheFn.builder("capabilities").storage(new Storage() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Keyspace<T> open(KeyspaceSettings settings, RemovalListener<? super T> listener) {
        return (Keyspace<T>) keyspaces.apply((RemovalListener<Object>) listener);
      }
    }).build();
  }

  @Test
  void aKeyspaceWithNoCapabilityGivesAWorkingCacheThatCountsItself() {
    Cache<String> cache = cacheOver(listener -> new MapKeyspace<>(10, listener));

    assertThat(cache.getOrFetch("k", () -> "fetched")).isEqualTo("fetched");
    assertThat(cache.get("k")).isEqualTo("fetched");

    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.storageFailures()).isZero();
    assertThat(stats.decodeFailures()).isZero();
  }

  @Test
  void failureCountsOfTheKeyspaceAreTheStatsFailures() {
    AtomicLong failures = new AtomicLong();
    Cache<String> cache = cacheOver(listener -> new Failing(listener, failures));

    failures.set(7);
    assertThat(cache.stats().storageFailures()).isEqualTo(7);
    assertThat(cache.stats().decodeFailures()).isEqualTo(3);
    failures.set(9);
    assertThat(cache.stats().storageFailures()).isEqualTo(9);
  }

  @Test
  void aValueFoundByTheCoordinationIsAnsweredWithoutFetching() {
    Coordinated coordinated = new Coordinated(FetchTurn.found("from another instance"));
    Cache<String> cache = cacheOver(listener -> coordinated);
    AtomicInteger fetches = new AtomicInteger();

    assertThat(cache.getOrFetch("k", () -> "fetched " + fetches.incrementAndGet())).isEqualTo("from another instance");

    assertThat(fetches).hasValue(0);
    assertThat(coordinated.asked).containsExactly("k");
  }

  @Test
  void aGoAheadIsEndedOnceTheFetchedValueIsStored() {
    List<String> events = new ArrayList<>();
    Coordinated coordinated = new Coordinated(FetchTurn.fetch(() -> events.add("end")));
    coordinated.duringPutIfAbsent = key -> events.add("store " + key);
    Cache<String> cache = cacheOver(listener -> coordinated);

    assertThat(cache.getOrFetch("k", () -> {
      events.add("fetch");
      return "fetched";
    })).isEqualTo("fetched");

    assertThat(events).containsExactly("fetch", "store k", "end");
  }

  @Test
  void theCounterIsAskedForOnceWhenTheCacheOpensAndCountsEveryLookup() {
    Counting counting = new Counting();
    Cache<String> cache = cacheOver(listener -> counting);
    assertThat(counting.asked).hasValue(1);

    cache.set("k", "v");
    cache.get("k");
    cache.get("absent");
    cache.getOrFetch("k", () -> "unused");

    assertThat(counting.asked).hasValue(1);
    assertThat(cache.stats().hits()).isEqualTo(2);
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void withoutStatsTheCounterIsNeverAskedFor() {
    Counting counting = new Counting();
    Cache<String> cache = CacheFn.builder("no-stats").recordStats(false).storage(new Storage() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Keyspace<T> open(KeyspaceSettings settings, RemovalListener<? super T> listener) {
        return (Keyspace<T>) counting;
      }
    }).build();

    cache.get("absent");

    assertThat(counting.asked).hasValue(0);
  }

  private static final RemovalListener<Object> IGNORED = new RemovalListener<>() {
    @Override
    public void evicted(String key, Object value) {}

    @Override
    public void expired(String key, Object value) {}
  };

  private static final class Failing extends MapKeyspace<Object> implements FailureCounts {
    private final AtomicLong failures;

    Failing(RemovalListener<Object> listener, AtomicLong failures) {
      super(10, listener);
      this.failures = failures;
    }

    @Override
    public long failures() {
      return failures.get();
    }

    @Override
    public long decodeFailures() {
      return 3;
    }
  }

  private static final class Coordinated extends MapKeyspace<Object> implements FetchCoordination<Object> {
    private final FetchTurn<Object> turn;
    final List<String> asked = new ArrayList<>();

    @SuppressWarnings("unchecked")
    Coordinated(FetchTurn<?> turn) {
      super(10, IGNORED);
      this.turn = (FetchTurn<Object>) turn;
    }

    @Override
    public FetchTurn<Object> beginFetch(String key, Duration wait) {
      asked.add(key);
      return turn;
    }
  }

  private static final class Counting extends MapKeyspace<Object> implements LookupCounting<Object> {
    final AtomicInteger asked = new AtomicInteger();
    private long hits;
    private long misses;

    Counting() {
      super(10, IGNORED);
    }

    @Override
    public LookupCounter<Object> lookupCounter() {
      asked.incrementAndGet();
      return new LookupCounter<>() {
        @Override
        public @Nullable Object get(String key) {
          Object value = Counting.this.get(key);
          if (value != null) {
            hits++;
          } else {
            misses++;
          }
          return value;
        }

        @Override
        public void add(long moreHits, long moreMisses) {
          hits += moreHits;
          misses += moreMisses;
        }

        @Override
        public long hits() {
          return hits;
        }

        @Override
        public long misses() {
          return misses;
        }
      };
    }
  }
}
