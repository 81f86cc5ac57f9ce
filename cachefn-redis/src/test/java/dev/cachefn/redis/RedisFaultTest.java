package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis stopped and started again under a cache: clear errors, or the bypass policy; no stale values after. */
class RedisFaultTest {

  private final RedisServer server = RedisServer.start();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger("dev.cachefn.redis");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  RedisFaultTest() {
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
  }

  @AfterEach
  void stopServer() {
    logger.removeHandler(capture);
    logger.setUseParentHandlers(true);
    server.stop();
  }

  private RedisStorage storage(FailurePolicy policy) {
    return RedisStorage.builder(server.uri()).commandTimeout(Duration.ofMillis(500)).failurePolicy(policy).build();
  }

  @Test
  void withRedisDownOperationsFailNamingTheOperationAndTheUri() {
    try (RedisStorage storage = storage(FailurePolicy.FAIL)) {
      Cache<String> cache = CacheFn.builder("faults").storage(storage).build();
      cache.set("k", "v", SetOptions.tags("t"));
      assertThat(cache.stats().storageFailures()).isZero();

      server.stop();

      assertThatThrownBy(() -> cache.get("k"))
          .isInstanceOfSatisfying(RedisStorageException.class, e -> {
            assertThat(e.operation()).isEqualTo("get");
            assertThat(e.uri()).isEqualTo(server.uri());
          })
          .hasMessageContaining("Redis get of key 'k' in namespace 'faults' failed at " + server.uri());
      assertThatThrownBy(() -> cache.set("k", "w")).hasMessageContaining("Redis put of key 'k'");
      assertThatThrownBy(() -> cache.invalidateByTag("t")).hasMessageContaining("Redis removeByTags");
      assertThatThrownBy(() -> cache.keys("*")).hasMessageContaining("Redis keys of pattern '*'");
      assertThat(storage.failures()).isGreaterThanOrEqualTo(4);
      assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(1);

      server.startAgain();
      awaitReconnected(cache);

      assertThat(cache.get("k")).isNull(); // the restarted Redis is empty: nothing stale is served
      cache.set("k", "after", SetOptions.tags("t"));
      assertThat(cache.invalidateByTag("t")).isEqualTo(1);
    }
  }

  @Test
  void bypassAnswersMissesCallsFetchersDropsWritesButStillFailsRemovals() {
    try (RedisStorage storage = storage(FailurePolicy.BYPASS)) {
      Cache<String> cache = CacheFn.builder("bypass").storage(storage).build();
      cache.set("k", "v");

      server.stop();
      AtomicInteger fetches = new AtomicInteger();

      assertThat(cache.get("k")).isNull();
      assertThat(cache.getOrFetch("k", () -> "fetched " + fetches.incrementAndGet())).isEqualTo("fetched 1");
      assertThat(cache.getOrFetch("k", () -> "fetched " + fetches.incrementAndGet())).isEqualTo("fetched 2");
      cache.set("other", "dropped");
      assertThat(cache.getMany(List.of("k", "other"))).isEmpty();
      assertThat(cache.has("k")).isFalse();
      assertThat(cache.keys("*")).isEmpty();
      assertThatThrownBy(() -> cache.delete("k")).isInstanceOf(RedisStorageException.class);
      assertThatThrownBy(() -> cache.invalidateByTag("t")).isInstanceOf(RedisStorageException.class);

      assertThat(storage.failures()).isGreaterThanOrEqualTo(10);
      assertThat(cache.stats().storageFailures()).as("the cache's stats show the storage's failures")
          .isEqualTo(storage.failures());
      assertThat(cache.stats().misses()).isEqualTo(5); // get, two getOrFetch, getMany of two keys
      assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(1);

      server.startAgain();
      awaitReconnected(cache);

      assertThat(cache.getOrFetch("k", () -> "fresh")).isEqualTo("fresh");
      assertThat(cache.get("k")).isEqualTo("fresh");
      assertThat(logged).filteredOn(r -> r.getLevel() == Level.INFO)
          .anySatisfy(r -> assertThat(r.getMessage()).contains("answers again"));
    }
  }

  /** Lettuce reconnects by itself, with back-off: wait, bounded, until a write goes through. */
  private static void awaitReconnected(Cache<String> cache) {
    Await.until("Lettuce reconnects", Duration.ofSeconds(20), () -> {
      try {
        cache.set("probe", "1");
        return cache.delete("probe");
      } catch (RedisStorageException e) {
        return false;
      }
    });
  }
}
