package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The estimate {@code stats().memoryUsageBytes()} follows the entries and never drifts. */
class MemoryCacheMemoryUsageTest {

  private final FakeTicker ticker = new FakeTicker();
  private final Cache<String> cache = CacheFn.builder("memory").ticker(ticker).maxSize(1_000).build();
  private final long empty = cache.stats().memoryUsageBytes();

  private long usage() {
    return cache.stats().memoryUsageBytes();
  }

  private List<String> fill(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "key:" + i;
      cache.set(key, "value number " + i, i % 2 == 0 ? SetOptions.tags("even", "t" + i) : SetOptions.none());
      keys.add(key);
    }
    return keys;
  }

  @Test
  void anEmptyCacheReportsZeroWhateverItsMaxSize() {
    assertThat(empty).isZero();
    assertThat(CacheFn.builder("big").maxSize(60_000).build().stats().memoryUsageBytes()).isZero();
  }

  @Test
  void oneEntryReadsLessThanNinetyWhateverTheTablesReserve() {
    Cache<String> one = CacheFn.builder("one").maxSize(60_000).build();
    Cache<String> ninety = CacheFn.builder("ninety").maxSize(100).build();
    one.set("k0", "v");
    for (int i = 0; i < 90; i++) {
      ninety.set("k" + i, "v");
    }

    assertThat(one.stats().memoryUsageBytes()).isPositive();
    assertThat(ninety.stats().memoryUsageBytes()).isGreaterThan(80 * one.stats().memoryUsageBytes());
  }

  @Test
  void usageGrowsWithEveryEntryAdded() {
    long previous = usage();
    for (int i = 0; i < 50; i++) {
      cache.set("key:" + i, "value " + i);
      long now = usage();
      assertThat(now).as("after entry %d", i).isGreaterThan(previous);
      previous = now;
    }
  }

  @Test
  void biggerValuesAndLongerKeysAreEstimatedBigger() {
    Cache<String> small = CacheFn.builder("small").build();
    Cache<String> bigValue = CacheFn.builder("big-value").build();
    Cache<String> longKey = CacheFn.builder("long-key").build();

    small.set("k", "v");
    bigValue.set("k", "v".repeat(10_000));
    longKey.set("k".repeat(10_000), "v");

    assertThat(bigValue.stats().memoryUsageBytes()).isGreaterThan(small.stats().memoryUsageBytes() + 9_000);
    assertThat(longKey.stats().memoryUsageBytes()).isGreaterThan(small.stats().memoryUsageBytes() + 9_000);
  }

  @Test
  void usageReturnsExactlyToEmptyAfterClear() {
    fill(200);
    assertThat(usage()).isGreaterThan(empty);

    cache.clear();

    assertThat(usage()).isEqualTo(empty);
  }

  @Test
  void usageReturnsExactlyToEmptyAfterDeletingEverything() {
    List<String> keys = fill(200);

    for (String key : keys.subList(0, 100)) {
      cache.delete(key);
    }
    cache.deleteMany(keys.subList(100, 200));

    assertThat(cache.size()).isZero();
    assertThat(usage()).isEqualTo(empty);
  }

  @Test
  void usageReturnsExactlyToEmptyAfterInvalidatingEverything() {
    fill(100);

    cache.invalidateByTag("even");
    cache.invalidateByPattern("key:*");

    assertThat(cache.size()).isZero();
    assertThat(usage()).isEqualTo(empty);
  }

  @Test
  void usageReturnsExactlyToEmptyAfterEverythingExpired() {
    for (int i = 0; i < 100; i++) {
      cache.set("key:" + i, "v" + i, SetOptions.ttl(Duration.ofSeconds(1 + i % 5)).withTags("t"));
    }
    ticker.advance(Duration.ofSeconds(10));

    cache.get("key:0"); // removed on read
    cache.set("trigger", "x"); // the rest removed by the clean-up
    cache.delete("trigger");

    assertThat(cache.size()).isZero();
    assertThat(usage()).isEqualTo(empty);
  }

  @Test
  void usageDoesNotAccumulateWhenOverwritingTheSameKey() {
    cache.set("k", "same value", SetOptions.tags("t"));
    long once = usage();

    for (int i = 0; i < 1_000; i++) {
      cache.set("k", "same value", SetOptions.tags("t"));
    }

    assertThat(usage()).isEqualTo(once);
    cache.delete("k");
    assertThat(usage()).isEqualTo(empty);
  }

  @Test
  void overwritingWithASmallerValueShrinksTheUsage() {
    cache.set("k", "x".repeat(5_000));
    long big = usage();

    cache.set("k", "x");

    assertThat(usage()).isLessThan(big - 4_000).isGreaterThan(empty);
  }

  @Test
  void usageOfABoundedCacheStaysThatOfItsLiveEntries() {
    Cache<String> bounded = CacheFn.builder("bounded").maxSize(10).build();
    long boundedEmpty = bounded.stats().memoryUsageBytes();
    for (int i = 0; i < 10; i++) {
      bounded.set("k" + (char) ('a' + i), "v");
    }
    long full = bounded.stats().memoryUsageBytes();

    for (int i = 10; i < 1_000; i++) {
      bounded.set("k" + (char) ('a' + i % 26), "v"); // same key and value lengths as the first ten
    }

    assertThat(bounded.size()).isEqualTo(10);
    assertThat(bounded.stats().memoryUsageBytes()).isEqualTo(full);
    bounded.clear();
    assertThat(bounded.stats().memoryUsageBytes()).isEqualTo(boundedEmpty);
  }
}
