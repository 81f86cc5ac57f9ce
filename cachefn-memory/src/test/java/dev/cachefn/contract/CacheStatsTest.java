package dev.cachefn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.CacheStats;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counters of {@link Cache#stats()}. */
class CacheStatsTest {

  private final FakeTicker ticker = new FakeTicker();
  private final Cache<String> cache = CacheFn.builder("stats").maxSize(3).ticker(ticker)
      .evictionPolicy(EvictionPolicy.LRU).build(); // the tests name the entry LRU evicts

  @Test
  void newCacheHasAllCountersAtZeroAndHitRateZero() {
    CacheStats stats = cache.stats();

    assertThat(stats.hits()).isZero();
    assertThat(stats.misses()).isZero();
    assertThat(stats.requests()).isZero();
    assertThat(stats.hitRate()).isEqualTo(0.0);
    assertThat(stats.sets()).isZero();
    assertThat(stats.deletes()).isZero();
    assertThat(stats.evictions()).isZero();
    assertThat(stats.expirations()).isZero();
    assertThat(stats.size()).isZero();
    assertThat(stats.storageFailures()).as("the memory storage cannot be unreachable").isZero();
  }

  @Test
  void hitsMissesAndHitRateInPercent() {
    cache.set("user:1", "Ada");

    cache.get("user:1");
    cache.get("user:1");
    cache.get("user:1");
    cache.get("absent");

    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(3);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.requests()).isEqualTo(4);
    assertThat(stats.hitRate()).isEqualTo(75.0);
  }

  @Test
  void getManyCountsEachKeyAndHasAndEntriesCountNothing() {
    cache.set("user:1", "Ada");

    cache.getMany(List.of("user:1", "user:2", "user:3"));
    cache.has("user:1");
    cache.has("absent");
    cache.entries("*", 10);
    cache.keys("*");

    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(2);
  }

  @Test
  void getOrFetchCountsAMissAndASetThenAHit() {
    cache.getOrFetch("user:1", () -> "Ada");
    cache.getOrFetch("user:1", () -> "Ada");

    CacheStats stats = cache.stats();
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.sets()).isEqualTo(1);
    assertThat(stats.hitRate()).isEqualTo(50.0);
  }

  @Test
  void setsCountEveryStoredEntry() {
    cache.set("user:1", "Ada");
    cache.set("user:1", "Ada again");
    cache.setMany(Map.of("user:2", "Bob", "user:3", "Cy"));

    assertThat(cache.stats().sets()).isEqualTo(4);
    assertThat(cache.stats().size()).isEqualTo(3);
  }

  @Test
  void deletesCountDeletedAndInvalidatedEntries() {
    Cache<String> big = CacheFn.builder("deletes").build();
    big.set("a", "A");
    big.set("b", "B", SetOptions.tags("t"));
    big.set("c", "C", SetOptions.tags("t"));
    big.set("p:1", "P1");
    big.set("p:2", "P2");
    big.set("x", "X");
    big.set("y", "Y");

    big.delete("a");
    big.delete("absent");
    big.invalidateByTag("t");
    big.invalidateByPattern("p:*");
    big.invalidate("x");
    big.deleteMany(List.of("y", "absent"));

    CacheStats stats = big.stats();
    assertThat(stats.deletes()).isEqualTo(7);
    assertThat(stats.size()).isZero();
  }

  @Test
  void evictionsAndExpirationsAreCountedSeparately() {
    cache.set("a", "A");
    cache.set("b", "B");
    cache.set("c", "C");
    cache.set("d", "D"); // evicts a
    cache.set("e", "E"); // evicts b
    cache.set("short", "S", SetOptions.ttl(Duration.ofSeconds(5))); // evicts c

    ticker.advance(Duration.ofSeconds(6));
    assertThat(cache.get("short")).isNull();

    CacheStats stats = cache.stats();
    assertThat(stats.evictions()).isEqualTo(3);
    assertThat(stats.expirations()).isEqualTo(1);
    assertThat(stats.deletes()).isZero();
    assertThat(stats.size()).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("d", "e");
  }

  @Test
  void sizeFollowsTheEntries() {
    cache.set("a", "A");
    cache.set("b", "B");
    assertThat(cache.stats().size()).isEqualTo(2);

    cache.delete("a");
    assertThat(cache.stats().size()).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(1);

    cache.clear();
    assertThat(cache.stats().size()).isZero();
  }

  @Test
  void recordStatsOffLeavesHitsAndMissesAtZero() {
    Cache<String> quiet = CacheFn.builder("quiet").recordStats(false).build();
    quiet.set("user:1", "Ada");

    quiet.get("user:1");
    quiet.get("absent");
    quiet.getMany(List.of("user:1", "absent"));
    quiet.getOrFetch("other", () -> "x");

    CacheStats stats = quiet.stats();
    assertThat(stats.hits()).isZero();
    assertThat(stats.misses()).isZero();
    assertThat(stats.hitRate()).isEqualTo(0.0);
    assertThat(stats.sets()).isEqualTo(2);
    assertThat(stats.size()).isEqualTo(2);
  }
}
