package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two application instances, each a {@link TieredStorage} with its own connection and near cache, on one real
 * Redis server: what one writes or invalidates, the other stops serving from its near cache within a bounded
 * time (awaited by polling, never a fixed sleep).
 */
class NearCacheTest {

  static final Duration BOUND = Duration.ofSeconds(5);

  final String namespace = "near-" + UUID.randomUUID().toString().substring(0, 8);
  final TieredStorage a = TieredStorage.create(uri());
  final TieredStorage b = TieredStorage.create(uri());
  final Cache<String> onA = cache(a);
  final Cache<String> onB = cache(b);

  /** The Redis both instances use. */
  String uri() {
    return SharedRedis.server().uri();
  }

  /** How many {@code GET} commands Redis has run. */
  long getCalls() {
    return getCalls(SharedRedis.raw().info("commandstats"));
  }

  static long getCalls(String commandStats) {
    Matcher calls = Pattern.compile("cmdstat_get:calls=(\\d+)").matcher(commandStats);
    return calls.find() ? Long.parseLong(calls.group(1)) : 0;
  }

  Cache<String> cache(TieredStorage storage) {
    return CacheFn.builder("near").namespace(namespace).storage(storage).build();
  }

  @AfterEach
  void closeInstances() {
    a.close();
    b.close();
  }

  void awaitDroppedOnB(String... keys) {
    Await.until("B's near cache drops " + List.of(keys), BOUND, () -> {
      for (String key : keys) {
        if (b.nearCacheHolds(namespace, key)) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void aWriteOnAIsSeenOnBAndReplacesWhatBHeldNear() {
    assertThat(onB.get("k")).isNull();
    onA.set("k", "v1");

    assertThat(onB.get("k")).isEqualTo("v1");
    awaitKeptOnB("k", "v1");

    onA.set("k", "v2");

    awaitDroppedOnB("k");
    assertThat(onB.get("k")).isEqualTo("v2");
    awaitKeptOnB("k", "v2");
  }

  /**
   * Reads {@code key} on B until B keeps it near. A read races the invalidations of earlier writes that are
   * still on their way (B read the key before), and a read that may have raced one is not kept: so poll.
   */
  void awaitKeptOnB(String key, String value) {
    awaitKept(onB, b, key, value);
  }

  private void awaitKept(Cache<String> cache, TieredStorage storage, String key, String value) {
    Await.until(storage + " keeps " + key + " near", BOUND, () -> {
      assertThat(cache.get(key)).isEqualTo(value);
      return storage.nearCacheHolds(namespace, key);
    });
  }

  @Test
  void nearHitsAreServedWithoutAskingRedis() {
    onA.set("k", "v");
    awaitKeptOnB("k", "v"); // a new instance serves near once tracking is on
    long before = getCalls();
    long hitsBefore = onB.stats().hits();

    for (int i = 0; i < 20; i++) {
      assertThat(onB.get("k")).isEqualTo("v");
    }

    assertThat(getCalls()).isEqualTo(before);
    assertThat(onB.stats().hits()).isEqualTo(hitsBefore + 20);
  }

  @Test
  void invalidateByTagOnADropsBsNearEntriesWithTheTagAndKeepsTheOthers() {
    onA.set("tagged1", "1", SetOptions.tags("team"));
    onA.set("tagged2", "2", SetOptions.tags("team", "other"));
    onA.set("untagged", "3");
    onB.getMany(List.of("tagged1", "tagged2", "untagged"));
    assertThat(b.nearCacheSize()).isEqualTo(3);

    assertThat(onA.invalidateByTag("team")).isEqualTo(2);

    awaitDroppedOnB("tagged1", "tagged2");
    assertThat(b.nearCacheHolds(namespace, "untagged")).isTrue();
    assertThat(onB.get("tagged1")).isNull();
    assertThat(onB.get("untagged")).isEqualTo("3");
  }

  @ParameterizedTest(name = "{0} on A")
  @ValueSource(strings = {"delete", "deleteMany", "invalidateByPattern", "clear", "set", "setMany", "expiry"})
  void everyKindOfChangeOnADropsBsNearEntry(String change) {
    onA.set("user:1", "old", change.equals("expiry")
        ? SetOptions.ttl(Duration.ofMillis(500)).withTags("t") : SetOptions.tags("t"));
    onA.set("other", "stays");
    assertThat(onB.get("user:1")).isEqualTo("old");
    assertThat(onB.get("other")).isEqualTo("stays");

    switch (change) {
      case "delete" -> onA.delete("user:1");
      case "deleteMany" -> onA.deleteMany(List.of("user:1", "absent"));
      case "invalidateByPattern" -> onA.invalidateByPattern("user:*");
      case "clear" -> onA.clear();
      case "set" -> onA.set("user:1", "new");
      case "setMany" -> onA.setMany(java.util.Map.of("user:1", "new"));
      case "expiry" -> // Redis expires it on its own; B's near copy expires no later (it keeps the remaining TTL)
          Await.until("Redis expires user:1", BOUND, () -> onB.get("user:1") == null);
      default -> throw new IllegalArgumentException(change);
    }

    if (change.equals("clear")) {
      awaitDroppedOnB("user:1", "other"); // on a cluster, two masters' invalidations: in no order between them
    } else {
      awaitDroppedOnB("user:1");
    }
    String expected = change.startsWith("set") ? "new" : null;
    assertThat(onB.get("user:1")).isEqualTo(expected);
    assertThat(b.nearCacheHolds(namespace, "other")).isEqualTo(!change.equals("clear"));
  }

  @Test
  void theInstanceThatChangesAnEntryNeverServesTheOldValueAfterTheCallReturns() {
    onA.set("k", "v1", SetOptions.tags("t"));
    awaitKept(onA, a, "k", "v1");

    onA.set("k", "v2", SetOptions.tags("t"));
    assertThat(onA.get("k")).isEqualTo("v2");

    onA.invalidateByTag("t");
    assertThat(a.nearCacheHolds(namespace, "k")).isFalse();
    assertThat(onA.get("k")).isNull();
  }

  @Test
  void theCachesMaxSizeBoundsTheNearCacheButNotRedis() {
    Cache<String> small = CacheFn.builder("small").namespace(namespace + "-small").maxSize(2).storage(b).build();
    for (int i = 0; i < 5; i++) {
      small.set("k" + i, "v" + i);
      assertThat(small.get("k" + i)).isEqualTo("v" + i);
    }

    assertThat(b.nearCacheSize()).isLessThanOrEqualTo(2); // the memory engine's bound
    Await.until("B keeps k4 near", BOUND, () -> "v4".equals(small.get("k4"))
        && b.nearCacheHolds(namespace + "-small", "k4"));
    assertThat(small.get("k0")).isEqualTo("v0"); // evicted near, still in Redis
    assertThat(small.size()).isEqualTo(5);
  }

  @Test
  void nearEntriesKeepTheirTagsAndTheirRemainingTtl() {
    onA.set("k", "v", SetOptions.ttl(Duration.ofMillis(400)).withTags("t"));
    assertThat(onB.get("k")).isEqualTo("v");

    Await.until("'k' expires on B", BOUND, () -> onB.get("k") == null);
    assertThat(b.nearCacheHolds(namespace, "k")).isFalse();

    onA.set("k2", "v", SetOptions.tags("t2"));
    assertThat(onB.get("k2")).isEqualTo("v");
    onB.invalidateByTag("t2"); // B's own near entry goes by its local tag index before the call returns
    assertThat(b.nearCacheHolds(namespace, "k2")).isFalse();
  }

  @Test
  void keysWithGlobMetacharactersAreInvalidatedLiterallyOnEveryInstance() {
    List<String> keys = List.of("a*b", "a?b", "a[b]", "axb", "a\\b");
    keys.forEach(key -> onA.set(key, key));
    keys.forEach(key -> assertThat(onB.get(key)).isEqualTo(key));

    assertThat(onA.invalidateByPattern("a\\*b")).isEqualTo(1);
    assertThat(onA.invalidateByPattern("a\\[b\\]")).isEqualTo(1);

    awaitDroppedOnB("a*b", "a[b]");
    assertThat(b.nearCacheHolds(namespace, "axb")).isTrue();
    assertThat(b.nearCacheHolds(namespace, "a?b")).isTrue();
    assertThat(b.nearCacheHolds(namespace, "a\\b")).isTrue();
  }

  @Test
  void aValueTheCodecCannotEncodeChangesNothingOnAnyInstance() {
    Cache<Object> objects = CacheFn.builder("o").namespace(namespace).storage(a).build();
    onA.set("k", "v");
    assertThat(onB.get("k")).isEqualTo("v");

    assertThatThrownBy(() -> objects.set("k", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 'k'")
        .hasMessageContaining("cannot be encoded");

    assertThat(onA.get("k")).isEqualTo("v");
    assertThat(b.nearCacheHolds(namespace, "k")).isTrue();
    assertThat(onB.get("k")).isEqualTo("v");
  }

  @Test
  void readsOnBNeverGoBackInTimeWhileAWritesAndEndOnTheLastWrite() throws Exception {
    onA.set("counter", "0");
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<String> problem = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    Thread reader = new Thread(() -> {
      int last = -1;
      while (writing.get()) {
        String value = onB.get("counter");
        int now = value == null ? -1 : Integer.parseInt(value);
        if (now < last) {
          problem.set("B read " + now + " after " + last);
        }
        last = now;
        reads.incrementAndGet();
      }
    });
    reader.start();
    for (int i = 1; i <= 300; i++) {
      onA.set("counter", Integer.toString(i));
    }
    writing.set(false);
    reader.join(10_000);

    assertThat(problem.get()).isNull();
    assertThat(reads.get()).isPositive();
    Await.until("B reads the last write", BOUND, () -> "300".equals(onB.get("counter")));
  }

  @Test
  void aTieredStorageThatCannotReachRedisFailsAtStartNamingTheSetting() {
    assertThatThrownBy(() -> RedisStorage.builder("redis://127.0.0.1:1").commandTimeout(Duration.ofMillis(500))
        .buildTiered())
        .isInstanceOf(RedisStorageException.class)
        .hasMessageContaining("cannot connect to Redis at redis://127.0.0.1:1")
        .hasMessageContaining("cachefn.redis.uri");
  }

}
