package dev.cachefn.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheBuilder;
import dev.cachefn.CacheFn;
import dev.cachefn.Memoizer;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad arguments fail with {@link NullPointerException} or {@link IllegalArgumentException} (or
 * {@link IllegalStateException} for a missing storage) naming the argument, and leave the cache untouched.
 */
class CacheBadInputTest {

  private static final Map<String, String> CONTENT = Map.of("user:1", "Ada", "user:2", "Bob", "team:1", "Core");

  private final Cache<String> cache = CacheFn.builder("bad-input").build();

  @BeforeEach
  void fill() {
    cache.set("user:1", "Ada", SetOptions.tags("users"));
    cache.set("user:2", "Bob", SetOptions.tags("users"));
    cache.set("team:1", "Core");
  }

  /** Every test ends by checking that the failed calls changed nothing. */
  @AfterEach
  void existingEntriesAreUntouched() {
    assertThat(cache.entries("*", 100)).isEqualTo(CONTENT);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.stats().sets()).isEqualTo(3);
    assertThat(cache.stats().deletes()).isZero();
    assertThat(cache.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2");
  }

  @Test
  void nullKeyIsRejectedWithNullPointerExceptionNamingTheKey() {
    assertThatThrownBy(() -> cache.get(null))
        .isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
    assertThatThrownBy(() -> cache.set(null, "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
    assertThatThrownBy(() -> cache.delete(null))
        .isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
    assertThatThrownBy(() -> cache.getOrFetch(null, () -> "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
    assertThatThrownBy(() -> cache.invalidate(null))
        .isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
  }

  @Test
  void emptyKeyIsRejectedWithIllegalArgumentExceptionNamingTheKey() {
    assertThatThrownBy(() -> cache.set("", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> cache.get(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> cache.has(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> cache.getOrFetchAsync("", () -> CompletableFuture.completedFuture("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
  }

  @Test
  void nullValueIsRejectedNamingTheKeyAndKeepsTheOldValue() {
    assertThatThrownBy(() -> cache.set("user:1", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value for key 'user:1' must not be null");

    Map<String, String> withNull = new HashMap<>();
    withNull.put("user:1", "Eve");
    withNull.put("user:3", null);
    assertThatThrownBy(() -> cache.setMany(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value for key 'user:3' must not be null");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void nullOptionsAreRejected() {
    assertThatThrownBy(() -> cache.set("user:1", "Eve", null))
        .isInstanceOf(NullPointerException.class).hasMessage("options must not be null");
    assertThatThrownBy(() -> cache.getOrFetch("user:3", () -> "x", null))
        .isInstanceOf(NullPointerException.class).hasMessage("options must not be null");
  }

  @Test
  void nullTtlInSetOptionsIsRejected() {
    assertThatThrownBy(() -> SetOptions.ttl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("ttl must not be null");
    assertThatThrownBy(() -> SetOptions.tags("users").withTtl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("ttl must not be null");
  }

  @Test
  void zeroOrNegativeTtlInSetOptionsIsRejectedShowingTheValue() {
    assertThatThrownBy(() -> SetOptions.ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl must be positive, got PT0S");
    assertThatThrownBy(() -> SetOptions.ttl(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl must be positive, got PT-5S");
  }

  @Test
  void nullZeroOrNegativeDefaultTtlIsRejectedAndTheBuilderKeepsItsSetting() {
    FakeTicker ticker = new FakeTicker();
    CacheBuilder builder = CacheFn.builder("ttl").ticker(ticker).defaultTtl(Duration.ofSeconds(10));

    assertThatThrownBy(() -> builder.defaultTtl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("defaultTtl must not be null");
    assertThatThrownBy(() -> builder.defaultTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("defaultTtl must be positive, got PT0S");
    assertThatThrownBy(() -> builder.defaultTtl(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("defaultTtl must be positive");

    Cache<String> built = builder.build();
    built.set("k", "v");
    ticker.advance(Duration.ofSeconds(11));
    assertThat(built.get("k")).isNull();
  }

  @Test
  void maxSizeBelowOneIsRejectedByTheCacheBuilder() {
    CacheBuilder builder = CacheFn.builder("sized").maxSize(2);

    assertThatThrownBy(() -> builder.maxSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxSize must be at least 1, got 0 (cache 'sized')");
    assertThatThrownBy(() -> builder.maxSize(-7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -7");

    Cache<String> built = builder.build();
    built.set("a", "A");
    built.set("b", "B");
    built.set("c", "C");
    assertThat(built.size()).isEqualTo(2);
  }

  @Test
  void maxSizeBelowOneIsRejectedByTheMemoizerBuilder() {
    assertThatThrownBy(() -> Memoizer.builder("findUser").maxSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxSize must be at least 1, got 0 (memoizer 'findUser')");
    assertThatThrownBy(() -> Memoizer.builder("findUser").maxSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1");
  }

  @Test
  void blankOrNullNameAndNamespaceAreRejected() {
    assertThatThrownBy(() -> CacheFn.builder("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
    assertThatThrownBy(() -> CacheFn.builder(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name must not be null");
    assertThatThrownBy(() -> CacheFn.builder("users").namespace(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("namespace must not be blank");
    assertThatThrownBy(() -> CacheFn.builder("users").namespace("\t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("namespace must not be blank");
    assertThatThrownBy(() -> Memoizer.builder(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
  }

  @Test
  void malformedGlobInKeysIsRejectedNamingThePatternAndProblem() {
    assertThatThrownBy(() -> cache.keys("user:[12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed glob pattern 'user:[12'")
        .hasMessageContaining("index 5")
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> cache.keys(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern must not be empty");
    assertThatThrownBy(() -> cache.keys(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pattern must not be null");
  }

  @Test
  void malformedGlobInInvalidateByPatternIsRejectedAndRemovesNothing() {
    assertThatThrownBy(() -> cache.invalidateByPattern("user:\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed glob pattern")
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> cache.invalidateByPattern("user:[z-a]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reversed");
  }

  @Test
  void malformedGlobInEntriesIsRejected() {
    assertThatThrownBy(() -> cache.entries("user:[]", 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed glob pattern 'user:[]'")
        .hasMessageContaining("empty character class");
  }

  @Test
  void negativeEntriesLimitIsRejectedShowingTheValue() {
    assertThatThrownBy(() -> cache.entries("*", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be >= 0, got -1");
    assertThat(cache.entries("*", 0)).isEmpty();
  }

  @Test
  void nullFetcherIsRejectedEvenForACachedKey() {
    assertThatThrownBy(() -> cache.getOrFetch("user:1", null))
        .isInstanceOf(NullPointerException.class).hasMessage("fetcher must not be null");
    assertThatThrownBy(() -> cache.getOrFetch("user:3", null, SetOptions.none()))
        .isInstanceOf(NullPointerException.class).hasMessage("fetcher must not be null");
    assertThatThrownBy(() -> cache.getOrFetchAsync("user:3", null))
        .isInstanceOf(NullPointerException.class).hasMessage("fetcher must not be null");
  }

  @Test
  void nullOrEmptyTagIsRejectedAndInvalidatesNothing() {
    assertThatThrownBy(() -> cache.invalidateByTag(null))
        .isInstanceOf(NullPointerException.class).hasMessage("tag must not be null");
    assertThatThrownBy(() -> cache.invalidateByTag(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tag must not be empty");
    assertThatThrownBy(() -> cache.invalidateByTags(Arrays.asList("users", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("tags[1] must not be null");
    assertThatThrownBy(() -> cache.invalidateByTags(List.of("users", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tags[1] must not be empty");
  }

  @Test
  void nullOrEmptyTagIsRejectedInOptions() {
    assertThatThrownBy(() -> SetOptions.tags("users", null))
        .isInstanceOf(NullPointerException.class).hasMessage("tags[1] must not be null");
    assertThatThrownBy(() -> SetOptions.tags(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tags[0] must not be empty");
    assertThatThrownBy(() -> SetOptions.none().withTags((List<String>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("tags must not be null");
    assertThatThrownBy(() -> Memoizer.builder("findUser").tags("users", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tags[1] must not be empty");
  }

  @Test
  void nullElementInGetManyKeysIsRejectedWithItsIndex() {
    assertThatThrownBy(() -> cache.getMany(Arrays.asList("user:1", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("keys[1] must not be null");
    assertThatThrownBy(() -> cache.getMany(List.of("user:1", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("keys[1] must not be empty");
    assertThat(cache.stats().hits()).isZero();
  }

  @Test
  void nullElementInDeleteManyKeysIsRejectedBeforeAnythingIsDeleted() {
    assertThatThrownBy(() -> cache.deleteMany(Arrays.asList("user:1", "user:2", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("keys[2] must not be null");
    assertThat(cache.has("user:1")).isTrue();
  }

  @Test
  void unknownStorageNameIsRejectedListingTheAvailableStorages() {
    CacheBuilder builder = CacheFn.builder("remote").storage("redis");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No storage named 'redis'")
        .hasMessageContaining("'remote'")
        .hasMessageContaining("available: [memory]");
    assertThatThrownBy(() -> CacheFn.builder("remote").storage(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("storage must not be blank");
  }

  @Test
  void badArgumentsDoNotCallTheFetcher() {
    Supplier<String> fetcher = () -> {
      throw new AssertionError("fetcher must not run");
    };
    assertThatThrownBy(() -> cache.getOrFetch("", fetcher)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must not be empty");
    assertThatThrownBy(() -> cache.getOrFetch("user:3", fetcher, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("options must not be null");
  }
}
