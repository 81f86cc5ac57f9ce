package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachefn.Cache;
import dev.cachefn.CacheBuilder;
import dev.cachefn.CacheFn;
import dev.cachefn.Ticker;
import dev.cachefn.spi.ConditionalWrites;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Refresh-ahead, stale windows and negative caching on every storage: the storage keeps an entry for its TTL
 * plus the stale window, and carries its write time, so the cache's clock (a fake one here) decides freshness
 * the same way on memory, Redis and tiered. Redis enforces the storage TTL in real time, which the tests keep
 * far above their run time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class FreshnessContractTest {

  record User(String name, int age, List<String> roles) {}

  /** A clock that moves only when told. */
  static final class Clock implements Ticker {
    final AtomicLong nanos;

    Clock(long start) {
      this.nanos = new AtomicLong(start);
    }

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration by) {
      nanos.addAndGet(by.toNanos());
    }
  }

  /** Queues refreshes until the test runs them. */
  static final class Hand implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      for (Runnable task = poll(); task != null; task = poll()) {
        task.run();
      }
    }

    private synchronized Runnable poll() {
      return tasks.poll();
    }
  }

  private static final Duration TTL = Duration.ofMinutes(10);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Clock clock = new Clock(1_000_000_000L);
  private final Hand hand = new Hand();
  private final AtomicInteger fetches = new AtomicInteger();

  protected abstract Storage storage();

  /** Whether caches of different application instances (different clocks) may share the storage's entries. */
  protected boolean sharedAcrossInstances() {
    return true;
  }

  private CacheBuilder builder(String namespace, Clock ticker) {
    return builder(namespace, ticker, storage());
  }

  private CacheBuilder builder(String namespace, Clock ticker, Storage storage) {
    return CacheFn.builder("fresh").namespace(run + "/" + namespace).storage(storage).ticker(ticker)
        .defaultTtl(TTL).refreshExecutor(hand);
  }

  /** Runs once, right after the next read of an entry from the storage, before the caller acts on it. */
  private final AtomicReference<Runnable> afterNextRead = new AtomicReference<>();

  /**
   * The storage under test, with {@link #afterNextRead} run after each keyspace {@code get}: a write placed there
   * lands between a fetch's read of the stale entry and its store. The keyspace keeps its conditional writes.
   */
  private Storage interposed() {
    Storage storage = storage();
    return new Storage() {
      @Override
      public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
        return interposed(storage.open(settings, listener));
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <V> Keyspace<V> interposed(Keyspace<V> keyspace) {
    List<Class<?>> types = new ArrayList<>(List.of(Keyspace.class));
    if (keyspace instanceof ConditionalWrites<?>) {
      types.add(ConditionalWrites.class);
    }
    return (Keyspace<V>) Proxy.newProxyInstance(getClass().getClassLoader(), types.toArray(Class<?>[]::new),
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(keyspace, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          Runnable gap = method.getName().equals("get") ? afterNextRead.getAndSet(null) : null;
          if (gap != null) {
            gap.run();
          }
          return result;
        });
  }

  @Test
  void aSetBetweenTheReadOfAStaleEntryAndTheStoreOfItsFetchedValueSurvives() {
    Cache<String> cache = builder("gap-fetch", clock, interposed()).staleIfError(TTL).build();
    cache.set("k", "old");
    clock.advance(TTL.plusMinutes(1));

    String answer = cache.getOrFetch("k", () -> {
      afterNextRead.set(() -> cache.set("k", "written in the gap"));
      return "fetched";
    });

    assertThat(answer).isEqualTo("fetched");
    assertThat(afterNextRead.get()).as("the write ran in the gap").isNull();
    assertThat(cache.get("k")).isEqualTo("written in the gap");
  }

  @Test
  void aSetBetweenTheReadOfADueEntryAndTheStoreOfItsRefreshSurvives() {
    Cache<String> cache = builder("gap-refresh", clock, interposed()).refreshAfter(Duration.ofMinutes(5)).build();
    cache.set("k", "v1");
    clock.advance(Duration.ofMinutes(5));

    assertThat(cache.getOrFetch("k", () -> {
      afterNextRead.set(() -> cache.set("k", "written in the gap"));
      return "refreshed";
    })).isEqualTo("v1");
    hand.runAll();

    assertThat(afterNextRead.get()).as("the write ran in the gap").isNull();
    assertThat(cache.get("k")).isEqualTo("written in the gap");
  }

  @Test
  void aStaleWhileRevalidateValueIsServedPastItsTtlAndReplacedByItsRefresh() {
    Cache<User> users = builder("swr", clock).staleWhileRevalidate(TTL).build();
    User ada = new User("Ada", 36, List.of("admin"));
    users.set("ada", ada);

    clock.advance(TTL);
    assertThat(users.get("ada")).as("get never returns an expired value").isNull();
    assertThat(users.getOrFetch("ada", () -> new User("Ada", 37, List.of()))).isEqualTo(ada);
    assertThat(users.stats().staleServed()).isEqualTo(1);

    hand.runAll();
    assertThat(users.get("ada")).isEqualTo(new User("Ada", 37, List.of()));
  }

  @Test
  void staleIfErrorServesTheExpiredValueUntilTheWindowEnds() {
    Cache<String> cache = builder("sie", clock).staleIfError(TTL).build();
    cache.set("k", "v1");

    clock.advance(TTL.plus(TTL).minusNanos(1));
    assertThat(cache.getOrFetch("k", () -> {
      throw new IllegalStateException("down");
    })).isEqualTo("v1");
    clock.advance(Duration.ofNanos(1));
    assertThatThrownBy(() -> cache.getOrFetch("k", () -> {
      throw new IllegalStateException("down");
    })).hasMessage("down");
  }

  @Test
  void aDueHitReturnsAtOnceAndItsRefreshStoresTheNewValue() {
    Cache<String> cache = builder("refresh", clock).refreshAfter(Duration.ofMinutes(5)).build();
    cache.set("k", "v1");
    clock.advance(Duration.ofMinutes(5));

    assertThat(cache.getOrFetch("k", () -> "v2")).isEqualTo("v1");
    hand.runAll();

    assertThat(cache.get("k")).isEqualTo("v2");
    assertThat(cache.stats().refreshes()).isEqualTo(1);
  }

  @Test
  void aRememberedAbsenceIsKeptForTheNegativeTtlAndInvalidatedLikeAnEntry() {
    Cache<String> cache = builder("negative", clock).negativeTtl(Duration.ofMinutes(1)).build();

    assertThat(cache.getOrFetch("k", () -> {
      fetches.incrementAndGet();
      return null;
    })).isNull();
    assertThat(cache.getOrFetch("k", () -> "found")).isNull();
    assertThat(cache.get("k")).isNull();
    assertThat(cache.invalidateByPattern("k")).isEqualTo(1);
    assertThat(cache.getOrFetch("k", () -> "found")).isEqualTo("found");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void twoInstancesWithDifferentClocksSeeTheSameFreshness() {
    assumeTrue(sharedAcrossInstances(), "one JVM, one clock: the in-memory storage is not shared across instances");
    Clock other = new Clock(clock.read() + Duration.ofHours(5).toNanos()); // another JVM's nanoTime origin
    Cache<String> here = builder("instances", clock).staleWhileRevalidate(TTL).build();
    Cache<String> there = builder("instances", other).staleWhileRevalidate(TTL).build();
    here.set("k", "v1");

    // each instance maps its clock to wall time when it opens the namespace: agreement within the real time
    // between the two opens (milliseconds here), so the edges are checked a second away
    clock.advance(TTL.minusSeconds(1));
    other.advance(TTL.minusSeconds(1));
    assertThat(there.get("k")).isEqualTo("v1");
    clock.advance(Duration.ofSeconds(2));
    other.advance(Duration.ofSeconds(2));
    assertThat(there.get("k")).isNull();
    assertThat(there.getOrFetch("k", () -> "v2")).as("stale, in its window").isEqualTo("v1");
  }
}
