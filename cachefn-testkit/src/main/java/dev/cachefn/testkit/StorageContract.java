package dev.cachefn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} must do for a cache, proven through the {@link Cache} API: the suite a storage author
 * runs by extending this class and returning the storage under test. CacheFn runs it on its in-memory storage
 * (the reference), Redis, the tiered storage and both on a Redis Cluster.
 *
 * <pre>{@code
 * class MyStorageContractTest extends StorageContract {
 *   private static final MyStorage STORAGE = MyStorage.connect(...);
 *
 *   @Override
 *   protected Storage storage() {
 *     return STORAGE;
 *   }
 * }
 * }</pre>
 *
 * <p>The tests of tags, key patterns and namespaces are in {@link TagAndPatternContract}, which this class
 * extends. Time-to-live is real (short TTLs awaited by bounded polling, at most 5 seconds), since a remote storage keeps
 * its own clock. Each test works in namespaces of its own (a random prefix per test instance), so a shared
 * server needs no cleaning between tests. Values round-trip as records and collections: a storage that keeps
 * bytes needs a codec for them.
 */
public abstract class StorageContract extends TagAndPatternContract {

  /** A value with nested fields, for the round-trip test. */
  public record User(String name, int age, List<String> roles) {}

  // ---- entries ----------------------------------------------------------------------------------------

  @Test
  public void getReturnsWhatSetStoredAndNullForAnAbsentKey() {
    cache.set("user:1", "Ada");

    assertThat(cache.get("user:1")).isEqualTo("Ada");
    assertThat(cache.get("user:2")).isNull();
  }

  @Test
  public void valuesOfRecordsAndCollectionsRoundTrip() {
    Cache<User> users = cache("users");
    User ada = new User("Ada", 36, List.of("admin", "dev"));
    Cache<Map<String, Integer>> maps = cache("maps");

    users.set("ada", ada);
    maps.set("m", Map.of("a", 1));

    assertThat(users.get("ada")).isEqualTo(ada);
    assertThat(maps.get("m")).isEqualTo(Map.of("a", 1));
  }

  @Test
  public void hasAndDeleteTellWhetherAnEntryExisted() {
    cache.set("a", "1");

    assertThat(cache.has("a")).isTrue();
    assertThat(cache.delete("a")).isTrue();
    assertThat(cache.delete("a")).isFalse();
    assertThat(cache.has("a")).isFalse();
    assertThat(cache.get("a")).isNull();
  }

  @Test
  public void overwritingReplacesTheValueAndTheTags() {
    cache.set("a", "old", SetOptions.tags("old-tag", "shared"));
    cache.set("b", "other", SetOptions.tags("shared"));

    cache.set("a", "new", SetOptions.tags("new-tag"));

    assertThat(cache.get("a")).isEqualTo("new");
    assertThat(cache.invalidateByTag("old-tag")).isZero();
    assertThat(cache.invalidateByTag("shared")).isEqualTo(1);
    assertThat(cache.invalidateByTag("new-tag")).isEqualTo(1);
    assertThat(cache.keys("*")).isEmpty();
  }

  @Test
  public void sizeCountsEntriesAndClearEmptiesTheCache() {
    cache.set("a", "1");
    cache.set("b", "2", SetOptions.tags("t"));
    cache.set("a", "again");

    assertThat(cache.size()).isEqualTo(2);
    cache.clear();

    assertThat(cache.size()).isZero();
    assertThat(cache.keys("*")).isEmpty();
    assertThat(cache.invalidateByTag("t")).isZero();
    cache.set("a", "after");
    assertThat(cache.get("a")).isEqualTo("after");
  }

  // ---- batches ----------------------------------------------------------------------------------------

  @Test
  public void getManyAnswersInRequestOrderAndOmitsAbsentKeys() {
    for (int i = 0; i < 20; i++) {
      cache.set("k" + i, "v" + i);
    }
    List<String> request = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 19; i >= 0; i--) {
      request.add("k" + i);
      expected.add("k" + i);
      request.add("absent" + i);
    }

    Map<String, String> found = cache.getMany(request);

    assertThat(found.keySet()).containsExactlyElementsOf(expected);
    found.forEach((key, value) -> assertThat(value).isEqualTo("v" + key.substring(1)));
  }

  @Test
  public void setManyWithOptionsTagsEveryEntryAndDeleteManyCountsThoseThatExisted() {
    cache.set("untagged", "0");
    cache.setMany(Map.of("a", "1", "b", "2", "c", "3"), SetOptions.tags("batch"));

    assertThat(cache.deleteMany(List.of("a", "missing", "a"))).isEqualTo(1);
    assertThat(cache.invalidateByTag("batch")).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactly("untagged");
  }

  @Test
  public void batchesLargerThanOneRoundOfTheStorageWorkWhole() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 1_234; i++) {
      many.put("item:" + i, "v" + i);
    }

    cache.setMany(many, SetOptions.tags("bulk"));

    assertThat(cache.getMany(many.keySet())).containsExactlyEntriesOf(many);
    assertThat(cache.size()).isEqualTo(1_234);
    assertThat(cache.deleteMany(List.copyOf(many.keySet()).subList(0, 600))).isEqualTo(600);
    assertThat(cache.invalidateByPattern("item:*")).isEqualTo(634);
    assertThat(cache.invalidateByTag("bulk")).isZero();
  }

  // ---- time-to-live -----------------------------------------------------------------------------------

  @Test
  public void entriesExpireAfterTheirTtlAndOthersStay() {
    cache.set("short", "1", SetOptions.ttl(Duration.ofMillis(150)).withTags("t"));
    cache.set("long", "2", SetOptions.ttl(Duration.ofMinutes(5)));
    cache.set("forever", "3");

    assertThat(cache.get("short")).isEqualTo("1");
    Await.until("'short' expires", Duration.ofSeconds(5), () -> cache.get("short") == null);

    assertThat(cache.has("short")).isFalse();
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("long", "forever");
    assertThat(cache.getMany(List.of("short", "long"))).containsOnlyKeys("long");
    assertThat(cache.invalidateByTag("t")).isZero();
  }

  @Test
  public void defaultTtlAppliesToEntriesWrittenWithoutOne() {
    Cache<String> shortLived = builder("short").defaultTtl(Duration.ofMillis(150)).build();

    shortLived.set("a", "1");
    shortLived.set("b", "2", SetOptions.ttl(Duration.ofMinutes(5)));

    Await.until("'a' expires", Duration.ofSeconds(5), () -> !shortLived.has("a"));
    assertThat(shortLived.get("b")).isEqualTo("2");
  }

  // ---- cache-aside ------------------------------------------------------------------------------------

  @Test
  public void getOrFetchFetchesOnAMissOnlyAndStoresWithTheOptions() {
    AtomicInteger calls = new AtomicInteger();

    String first = cache.getOrFetch("k", () -> "v" + calls.incrementAndGet(), SetOptions.tags("t"));
    String second = cache.getOrFetch("k", () -> "v" + calls.incrementAndGet());

    assertThat(first).isEqualTo("v1");
    assertThat(second).isEqualTo("v1");
    assertThat(calls).hasValue(1);
    assertThat(cache.invalidateByTag("t")).isEqualTo(1);
    assertThat(cache.stats().hits()).isEqualTo(1);
  }

  @Test
  public void getOrFetchCachesNeitherNullNorFailures() {
    assertThat(cache.getOrFetch("k", () -> null)).isNull();
    assertThatThrownBy(() -> cache.getOrFetch("k", () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(cache.has("k")).isFalse();
  }

  @Test
  public void aWriteDuringTheFetchWinsOverTheFetchedValue() {
    String answer = cache.getOrFetch("k", () -> {
      cache.set("k", "written meanwhile");
      return "fetched";
    });

    assertThat(answer).isEqualTo("fetched");
    assertThat(cache.get("k")).isEqualTo("written meanwhile");
  }

  @Test
  public void concurrentGetOrFetchOfOneKeyFetchesOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> cache.getOrFetch("hot", () -> {
          calls.incrementAndGet();
          await(release);
          return "value";
        })));
      }
      Await.until("a fetch starts", Duration.ofSeconds(5), () -> calls.get() == 1);
      Await.pause(Duration.ofMillis(50)); // lets the other callers reach the flight
      release.countDown();
      for (Future<String> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("value");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls).hasValue(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  public void statsCountHitsMissesSetsAndDeletes() {
    cache.set("a", "1");
    cache.get("a");
    cache.get("b");
    cache.delete("a");

    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(cache.stats().sets()).isEqualTo(1);
    assertThat(cache.stats().deletes()).isEqualTo(1);
  }
}
