package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Tag invalidation through the cache. That the engine's tag index itself holds nothing after tagged
 * entries leave is proved by {@code dev.cachefn.memory.internal.MemoryEngineTagIndexTest}.
 */
class MemoryCacheTagTest {

  private final FakeTicker ticker = new FakeTicker();
  private final Cache<String> cache = CacheFn.builder("tags").ticker(ticker).maxSize(100).build();
  private final List<CacheEvent<? extends String>> invalidations = new CopyOnWriteArrayList<>();

  MemoryCacheTagTest() {
    cache.on(CacheEventType.INVALIDATE, invalidations::add);
  }

  private void setUsersAndTeams() {
    cache.set("user:1", "Ada", SetOptions.tags("users"));
    cache.set("user:2", "Grace", SetOptions.tags("users", "team:7"));
    cache.set("team:7", "Compilers", SetOptions.tags("team:7"));
    cache.set("config", "on");
  }

  @Test
  void invalidateByTagRemovesExactlyTheTaggedEntriesAndReturnsTheirCount() {
    setUsersAndTeams();

    int removed = cache.invalidateByTag("users");

    assertThat(removed).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("team:7", "config");
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void invalidateByTagsCountsAnEntryWithSeveralOfTheTagsOnce() {
    setUsersAndTeams();

    int removed = cache.invalidateByTags(List.of("users", "team:7"));

    assertThat(removed).isEqualTo(3);
    assertThat(cache.keys("*")).containsExactly("config");
  }

  @Test
  void invalidateByTagsRemovesOnlyEntriesWithAtLeastOneOfTheTags() {
    setUsersAndTeams();
    cache.set("other", "x", SetOptions.tags("other-tag"));

    int removed = cache.invalidateByTags(List.of("team:7", "no-such-tag"));

    assertThat(removed).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("user:1", "config", "other");
  }

  @Test
  void invalidatingAnUnknownTagRemovesNothing() {
    setUsersAndTeams();

    assertThat(cache.invalidateByTag("nobody")).isZero();
    assertThat(cache.invalidateByTags(List.of())).isZero();
    assertThat(cache.size()).isEqualTo(4);
  }

  @Test
  void invalidatingATagTwiceRemovesNothingTheSecondTime() {
    setUsersAndTeams();

    assertThat(cache.invalidateByTag("team:7")).isEqualTo(2);
    assertThat(cache.invalidateByTag("team:7")).isZero();
    assertThat(cache.invalidateByTag("users")).isEqualTo(1);
  }

  @Test
  void tagIsForgottenAfterItsEntriesAreDeleted() {
    cache.set("a", "1", SetOptions.tags("t"));
    cache.set("b", "2", SetOptions.tags("t"));

    cache.delete("a");
    cache.deleteMany(List.of("b"));
    cache.set("a", "new"); // same key again, untagged

    assertThat(cache.invalidateByTag("t")).isZero();
    assertThat(cache.has("a")).isTrue();
  }

  @Test
  void tagIsForgottenAfterItsEntriesAreEvicted() {
    Cache<String> small = CacheFn.builder("small-tags").maxSize(2).evictionPolicy(EvictionPolicy.LRU).build();
    small.set("a", "1", SetOptions.tags("t"));
    small.set("b", "2");
    small.set("c", "3");

    assertThat(small.invalidateByTag("t")).isZero();
    assertThat(small.keys("*")).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void tagIsForgottenAfterItsEntriesExpire() {
    cache.set("a", "1", SetOptions.ttl(Duration.ofSeconds(1)).withTags("t"));
    cache.set("b", "2");
    ticker.advance(Duration.ofSeconds(2));

    cache.set("c", "3"); // the clean-up removes "a"

    assertThat(cache.invalidateByTag("t")).isZero();
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void tagIsForgottenAfterItsEntryIsOverwrittenWithoutIt() {
    cache.set("a", "1", SetOptions.tags("t", "kept"));

    cache.set("a", "2", SetOptions.tags("kept"));

    assertThat(cache.invalidateByTag("t")).isZero();
    assertThat(cache.get("a")).isEqualTo("2");
    assertThat(cache.invalidateByTag("kept")).isEqualTo(1);
  }

  @Test
  void invalidateByTagFiresOneInvalidateEventWithTheCountAndTheTag() {
    setUsersAndTeams();

    cache.invalidateByTag("users");

    assertThat(invalidations).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(CacheEventType.INVALIDATE);
      assertThat(event.cacheName()).isEqualTo("tags");
      assertThat(event.count()).isEqualTo(2);
      assertThat(event.tags()).containsExactly("users");
      assertThat(event.key()).isNull();
      assertThat(event.pattern()).isNull();
      assertThat(event.value()).isNull();
    });
  }

  @Test
  void invalidateByTagsFiresOneInvalidateEventWithTheTotalCountAndAllTags() {
    setUsersAndTeams();

    cache.invalidateByTags(List.of("users", "team:7"));

    assertThat(invalidations).singleElement().satisfies(event -> {
      assertThat(event.count()).isEqualTo(3);
      assertThat(event.tags()).isEqualTo(Set.of("users", "team:7"));
    });
  }

  @Test
  void invalidationsAreCountedAsDeletes() {
    setUsersAndTeams();

    cache.invalidateByTags(List.of("users", "team:7"));

    assertThat(cache.stats().deletes()).isEqualTo(3);
  }
}
