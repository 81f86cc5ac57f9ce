package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Time-to-live on the in-memory storage, driven by a {@link FakeTicker}: nothing here sleeps. */
class MemoryCacheExpirationTest {

  private static final Duration TTL = Duration.ofSeconds(10);
  private static final Duration JUST_UNDER = TTL.minusMillis(1);
  private static final Duration PAST_TTL = TTL.plusMillis(1);

  private final FakeTicker ticker = new FakeTicker();
  private final Cache<String> cache = CacheFn.builder("ttl").ticker(ticker).build();
  private final List<CacheEvent<? extends String>> expirations = new CopyOnWriteArrayList<>();

  MemoryCacheExpirationTest() {
    cache.on(CacheEventType.EXPIRATION, expirations::add);
  }

  @Test
  void entryWithTtlLivesUntilItsTtlRunsOut() {
    cache.set("k", "v", SetOptions.ttl(TTL));

    ticker.advance(JUST_UNDER);
    assertThat(cache.get("k")).isEqualTo("v");
    assertThat(cache.has("k")).isTrue();

    ticker.advance(Duration.ofMillis(2));
    assertThat(cache.has("k")).isFalse();
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void defaultTtlAppliesToEntriesWrittenWithoutTheirOwn() {
    FakeTicker time = new FakeTicker();
    Cache<String> withDefault = CacheFn.builder("default-ttl").ticker(time).defaultTtl(TTL).build();
    withDefault.set("single", "1");
    withDefault.setMany(Map.of("batch", "2"));
    withDefault.set("tagged", "3", SetOptions.tags("t"));

    time.advance(JUST_UNDER);
    assertThat(withDefault.getMany(List.of("single", "batch", "tagged"))).hasSize(3);

    time.advance(Duration.ofMillis(2));
    assertThat(withDefault.getMany(List.of("single", "batch", "tagged"))).isEmpty();
    assertThat(withDefault.size()).isZero();
  }

  @Test
  void perEntryTtlOverridesALongerDefaultTtl() {
    FakeTicker time = new FakeTicker();
    Cache<String> withDefault =
        CacheFn.builder("override-short").ticker(time).defaultTtl(Duration.ofMinutes(10)).build();
    withDefault.set("own", "1", SetOptions.ttl(Duration.ofMinutes(1)));
    withDefault.set("default", "2");

    time.advance(Duration.ofMinutes(2));

    assertThat(withDefault.get("own")).isNull();
    assertThat(withDefault.get("default")).isEqualTo("2");
  }

  @Test
  void perEntryTtlOverridesAShorterDefaultTtl() {
    FakeTicker time = new FakeTicker();
    Cache<String> withDefault =
        CacheFn.builder("override-long").ticker(time).defaultTtl(Duration.ofMinutes(1)).build();
    withDefault.set("own", "1", SetOptions.ttl(Duration.ofMinutes(10)));
    withDefault.set("default", "2");

    time.advance(Duration.ofMinutes(2));

    assertThat(withDefault.get("own")).isEqualTo("1");
    assertThat(withDefault.get("default")).isNull();
  }

  @Test
  void entryWithoutTtlNeverExpires() {
    cache.set("forever", "v");
    cache.set("short", "s", SetOptions.ttl(TTL));

    ticker.advance(Duration.ofDays(365L * 50));
    cache.set("another", "write"); // runs the clean-up

    assertThat(cache.get("forever")).isEqualTo("v");
    assertThat(cache.get("short")).isNull();
    assertThat(expirations).extracting(CacheEvent::key).containsExactly("short");
  }

  @Test
  void overwritingWithoutTtlRemovesTheEarlierTtl() {
    cache.set("k", "old", SetOptions.ttl(TTL));
    cache.set("k", "new");

    ticker.advance(Duration.ofHours(1));
    cache.set("other", "x");

    assertThat(cache.get("k")).isEqualTo("new");
    assertThat(expirations).isEmpty();
  }

  @Test
  void overwritingRestartsTheTtl() {
    cache.set("k", "old", SetOptions.ttl(TTL));
    ticker.advance(JUST_UNDER);
    cache.set("k", "new", SetOptions.ttl(TTL));

    ticker.advance(JUST_UNDER);

    assertThat(cache.get("k")).isEqualTo("new");
    assertThat(expirations).isEmpty();
  }

  @Test
  void rewrittenEntryOutlivesItsFirstDeadlineThroughCleanUpsAndExpiresAtItsSecond() {
    cache.set("k", "old", SetOptions.ttl(TTL));
    ticker.advance(JUST_UNDER);
    cache.set("k", "new", SetOptions.ttl(TTL));
    ticker.advance(Duration.ofMillis(2)); // past the first deadline, not the second

    cache.set("other", "o"); // a write: removes what is due

    assertThat(cache.size()).isEqualTo(2);
    assertThat(expirations).isEmpty();

    ticker.advance(JUST_UNDER);
    cache.set("other", "o2"); // past the second deadline

    assertThat(cache.size()).isEqualTo(1);
    assertThat(expirations).extracting(CacheEvent::key).containsExactly("k");
    assertThat(expirations.get(0).value()).isEqualTo("new");
  }

  @Test
  void expiredEntryReadByGetIsAMissIsRemovedAndFiresOneExpiration() {
    cache.set("k", "v", SetOptions.ttl(TTL));
    ticker.advance(PAST_TTL);
    assertThat(cache.size()).isEqualTo(1); // not cleaned up yet: nothing has touched it

    assertThat(cache.get("k")).isNull();
    assertThat(cache.get("k")).isNull();

    assertThat(cache.size()).isZero();
    assertThat(cache.stats().hits()).isZero();
    assertThat(cache.stats().misses()).isEqualTo(2);
    assertThat(cache.stats().expirations()).isEqualTo(1);
    assertThat(expirations).singleElement().satisfies(event -> {
      assertThat(event.key()).isEqualTo("k");
      assertThat(event.value()).isEqualTo("v");
      assertThat(event.cacheName()).isEqualTo("ttl");
      assertThat(event.count()).isEqualTo(1);
    });
  }

  @Test
  void expiredEntryReadByGetManyIsOmittedCountsAsMissAndIsRemoved() {
    cache.set("expiring", "v", SetOptions.ttl(TTL));
    cache.set("live", "w");
    ticker.advance(PAST_TTL);

    Map<String, String> found = cache.getMany(List.of("expiring", "live"));

    assertThat(found).containsExactly(Map.entry("live", "w"));
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(expirations).extracting(CacheEvent::key).containsExactly("expiring");
  }

  @Test
  void expiredEntryIsNotSeenByHasKeysOrEntries() {
    cache.set("expiring", "v", SetOptions.ttl(TTL));
    cache.set("live", "w");
    ticker.advance(PAST_TTL);

    assertThat(cache.has("expiring")).isFalse();
    assertThat(cache.keys("*")).containsExactly("live");
    assertThat(cache.keys("exp*")).isEmpty();
    assertThat(cache.keys("expiring")).isEmpty();
    assertThat(cache.entries("*", 10)).containsExactly(Map.entry("live", "w"));
    assertThat(cache.entries("expiring", 10)).isEmpty();
    assertThat(cache.stats().hits()).isZero();
    assertThat(cache.stats().misses()).isZero();
  }

  @Test
  void expiredEntryFiresExactlyOneExpirationWhateverReadsAndWritesFollow() {
    cache.set("k", "v", SetOptions.ttl(TTL));
    ticker.advance(PAST_TTL);

    cache.has("k");
    cache.keys("*");
    cache.entries("*", 10);
    cache.getMany(List.of("k", "k"));
    cache.get("k");
    cache.set("other", "x");
    cache.delete("k");
    cache.invalidateByPattern("*");
    cache.clear();

    assertThat(expirations).extracting(CacheEvent::key).containsExactly("k");
    assertThat(cache.stats().expirations()).isEqualTo(1);
  }

  @Test
  void expiredEntriesAreRemovedByALaterWriteToAnotherKeyWithoutBeingRead() {
    for (int i = 0; i < 5; i++) {
      cache.set("expiring:" + i, "v" + i, SetOptions.ttl(TTL));
    }
    cache.set("long", "l", SetOptions.ttl(Duration.ofHours(1)));
    ticker.advance(PAST_TTL);
    assertThat(cache.size()).isEqualTo(6);

    cache.set("fresh", "f");

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.stats().expirations()).isEqualTo(5);
    assertThat(expirations).hasSize(5).allSatisfy(event -> {
      assertThat(event.key()).startsWith("expiring:");
      assertThat(event.value()).isEqualTo("v" + event.key().substring("expiring:".length()));
    });
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("long", "fresh");
  }

  @Test
  void expiredEntriesAreRemovedByALaterSetMany() {
    cache.set("expiring", "v", SetOptions.ttl(TTL));
    cache.set("other", "o");
    ticker.advance(PAST_TTL);

    cache.setMany(Map.of("x", "1", "y", "2"));

    assertThat(cache.size()).isEqualTo(3);
    assertThat(expirations).extracting(CacheEvent::key).containsExactly("expiring");
  }

  @Test
  void expiredEntriesAreRemovedByTheCleanUpThatManyReadsOfOtherKeysTrigger() {
    cache.set("expiring", "v", SetOptions.ttl(TTL));
    cache.set("live", "w");
    ticker.advance(PAST_TTL);

    for (int i = 0; i < 100; i++) {
      assertThat(cache.get("live")).isEqualTo("w");
    }

    assertThat(cache.size()).isEqualTo(1);
    assertThat(expirations).extracting(CacheEvent::key).containsExactly("expiring");
  }

  @Test
  void expiredEntryDoesNotCountAsDeletedOrInvalidated() {
    cache.set("a", "1", SetOptions.ttl(TTL).withTags("t"));
    cache.set("b", "2", SetOptions.ttl(TTL));
    ticker.advance(PAST_TTL);

    assertThat(cache.delete("b")).isFalse();
    assertThat(cache.invalidateByTag("t")).isZero();
    assertThat(cache.size()).isZero();
    assertThat(expirations).extracting(CacheEvent::key).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void entriesExpireInTheOrderOfTheirDeadlinesNotOfTheirWrites() {
    cache.set("late", "3", SetOptions.ttl(Duration.ofSeconds(30)));
    cache.set("early", "1", SetOptions.ttl(Duration.ofSeconds(10)));
    cache.set("middle", "2", SetOptions.ttl(Duration.ofSeconds(20)));

    ticker.advance(Duration.ofSeconds(15));
    cache.set("tick", "x");
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("late", "middle", "tick");

    ticker.advance(Duration.ofSeconds(10));
    cache.set("tick", "y");
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("late", "tick");

    ticker.advance(Duration.ofSeconds(10));
    cache.set("tick", "z");
    assertThat(cache.keys("*")).containsExactly("tick");
    assertThat(expirations).extracting(CacheEvent::key).containsExactly("early", "middle", "late");
  }

  @Test
  void ttlWorksWhenTheTickerWrapsAroundLongMaxValue() {
    FakeTicker nearOverflow = new FakeTicker(Long.MAX_VALUE - Duration.ofSeconds(5).toNanos());
    Cache<String> wrapping = CacheFn.builder("wrapping").ticker(nearOverflow).build();
    wrapping.set("short", "s", SetOptions.ttl(Duration.ofSeconds(3)));
    wrapping.set("long", "l", SetOptions.ttl(Duration.ofSeconds(20)));

    nearOverflow.advance(Duration.ofSeconds(10)); // now past Long.MAX_VALUE, wrapped to negative
    assertThat(wrapping.get("short")).isNull();
    assertThat(wrapping.get("long")).isEqualTo("l");

    nearOverflow.advance(Duration.ofSeconds(11));
    assertThat(wrapping.get("long")).isNull();
  }
}
