package dev.cachefn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.CacheListener;
import dev.cachefn.SetOptions;
import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link Cache#close()}: detaches the cache from its storage, once, and makes every later operation fail. */
class CacheCloseTest {

  private final Storage storage = MemoryStorage.create();

  private Cache<String> cache(String namespace, int maxSize) {
    return CacheFn.builder("users").namespace(namespace).maxSize(maxSize).storage(storage).build();
  }

  static List<Map.Entry<String, Consumer<Cache<String>>>> operations() {
    CacheListener<String> listener = e -> {};
    return List.of(
        Map.entry("get", c -> c.get("k")),
        Map.entry("getMany", c -> c.getMany(List.of("k"))),
        Map.entry("set", c -> c.set("k", "v")),
        Map.entry("set with options", c -> c.set("k", "v", SetOptions.none().withTags("t"))),
        Map.entry("setMany", c -> c.setMany(Map.of("k", "v"))),
        Map.entry("has", c -> c.has("k")),
        Map.entry("delete", c -> c.delete("k")),
        Map.entry("deleteMany", c -> c.deleteMany(List.of("k"))),
        Map.entry("clear", Cache::clear),
        Map.entry("getOrFetch", c -> c.getOrFetch("k", () -> "v")),
        Map.entry("getOrFetchAsync", c -> c.getOrFetchAsync("k", () -> CompletableFuture.completedFuture("v"))),
        Map.entry("keys", c -> c.keys("*")),
        Map.entry("entries", c -> c.entries("*", 10)),
        Map.entry("size", Cache::size),
        Map.entry("invalidate", c -> c.invalidate("k")),
        Map.entry("invalidateByTag", c -> c.invalidateByTag("t")),
        Map.entry("invalidateByTags", c -> c.invalidateByTags(List.of("t"))),
        Map.entry("invalidateByPattern", c -> c.invalidateByPattern("k*")),
        Map.entry("stats", Cache::stats),
        Map.entry("on", c -> c.on(CacheEventType.HIT, listener)),
        Map.entry("off", c -> c.off(CacheEventType.HIT, listener)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationOfAClosedCacheFailsNamingTheCache(Map.Entry<String, Consumer<Cache<String>>> operation) {
    Cache<String> users = cache("users", 10);
    users.set("k", "v");
    users.close();

    assertThatThrownBy(() -> operation.getValue().accept(users))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cache 'users' is closed");
  }

  @Test
  void theNameAndToStringStillWorkAfterClose() {
    Cache<String> users = cache("users", 10);
    users.close();

    assertThat(users.name()).isEqualTo("users");
    assertThat(users).hasToString("Cache{users, closed}");
  }

  @Test
  void closeIsIdempotentAndClosesTheKeyspaceOnce() {
    AtomicInteger keyspaceCloses = new AtomicInteger();
    Storage counting = new Storage() {
      @Override
      public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
        Keyspace<V> real = storage.open(settings, listener);
        return countingCloses(real, keyspaceCloses);
      }
    };
    Cache<String> users = CacheFn.builder("users").storage(counting).build();

    users.close();
    users.close();
    assertThatCode(users::close).doesNotThrowAnyException();

    assertThat(keyspaceCloses).hasValue(1);
  }

  @SuppressWarnings("unchecked")
  private static <V> Keyspace<V> countingCloses(Keyspace<V> real, AtomicInteger closes) {
    return (Keyspace<V>) Proxy.newProxyInstance(Keyspace.class.getClassLoader(), new Class<?>[] {Keyspace.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            closes.incrementAndGet();
          }
          return method.invoke(real, args);
        });
  }

  @Test
  void aClosedCacheNoLongerReceivesTheStoragesRemovals() {
    Cache<String> closed = cache("shared", 1);
    List<String> evictedSeenByClosed = new ArrayList<>();
    closed.on(CacheEventType.EVICTION, e -> evictedSeenByClosed.add(e.key()));
    Cache<String> open = cache("shared", 1);
    List<String> evictedSeenByOpen = new ArrayList<>();
    open.on(CacheEventType.EVICTION, e -> evictedSeenByOpen.add(e.key()));

    open.set("a", "A");
    open.set("b", "B"); // evicts a: both views hear it
    closed.close();
    open.set("c", "C"); // evicts b: only the open view hears it

    assertThat(evictedSeenByOpen).containsExactly("a", "b");
    assertThat(evictedSeenByClosed).containsExactly("a");
  }

  @Test
  void closingLeavesTheEntriesForOtherCachesOfTheNamespace() {
    Cache<String> first = cache("shared", 10);
    first.set("k", "v", SetOptions.none().withTags("t"));
    first.close();

    Cache<String> second = cache("shared", 10);
    assertThat(second.get("k")).isEqualTo("v");
    assertThat(second.invalidateByTag("t")).isEqualTo(1);
  }

  @Test
  void aCacheIsAutoCloseable() {
    Cache<String> escaped;
    try (Cache<String> users = cache("users", 10)) {
      users.set("k", "v");
      escaped = users;
    }
    assertThatThrownBy(() -> escaped.get("k")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFetchUnderWayWhenTheCacheClosesReturnsItsValueButDoesNotStoreIt() throws Exception {
    Cache<String> users = cache("shared", 10);
    CountDownLatch fetching = new CountDownLatch(1);
    CountDownLatch closedLatch = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<String> fetched = executor.submit(() -> users.getOrFetch("k", () -> {
        fetching.countDown();
        await(closedLatch);
        return "fetched";
      }));
      assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
      users.close();
      closedLatch.countDown();

      assertThat(fetched.get(10, TimeUnit.SECONDS)).isEqualTo("fetched");
      assertThat(cache("shared", 10).keys("*")).as("nothing stored after close").isEqualTo(List.of());
    } finally {
      executor.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aClosedCachesSubscriptionCanStillBeClosed() {
    Cache<String> users = cache("users", 10);
    var subscription = users.on(CacheEventType.SET, e -> {});
    users.close();

    assertThatCode(subscription::close).doesNotThrowAnyException();
  }
}
