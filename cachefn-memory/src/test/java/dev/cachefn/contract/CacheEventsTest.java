package dev.cachefn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.CacheListener;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.SetOptions;
import dev.cachefn.Subscription;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events and listeners: {@link Cache#on}, {@link Cache#off}, {@link Subscription#close()}. */
class CacheEventsTest {

  private final FakeTicker ticker = new FakeTicker();
  private final Cache<String> cache = CacheFn.builder("events").maxSize(3).ticker(ticker)
      .evictionPolicy(EvictionPolicy.LRU).build(); // the tests name the entry LRU evicts
  private final List<CacheEvent<? extends String>> events = new ArrayList<>();
  private final CacheListener<String> recorder = events::add;

  private static void assertEntryEvent(
      CacheEvent<? extends String> event, CacheEventType type, String key, String value) {
    assertThat(event.type()).isEqualTo(type);
    assertThat(event.cacheName()).isEqualTo("events");
    assertThat(event.key()).isEqualTo(key);
    assertThat(event.value()).isEqualTo(value);
    assertThat(event.count()).isEqualTo(1);
    assertThat(event.tags()).isEmpty();
    assertThat(event.pattern()).isNull();
  }

  private static void assertInvalidation(
      CacheEvent<? extends String> event, String key, Set<String> tags, String pattern, long count) {
    assertThat(event.type()).isEqualTo(CacheEventType.INVALIDATE);
    assertThat(event.cacheName()).isEqualTo("events");
    assertThat(event.key()).isEqualTo(key);
    assertThat(event.value()).isNull();
    assertThat(event.tags()).isEqualTo(tags);
    assertThat(event.pattern()).isEqualTo(pattern);
    assertThat(event.count()).isEqualTo(count);
  }

  @Test
  void hitEventCarriesTheKeyAndValue() {
    cache.set("user:1", "Ada");
    cache.on(CacheEventType.HIT, recorder);

    cache.get("user:1");
    cache.getOrFetch("user:1", () -> "unused");

    assertThat(events).hasSize(2);
    assertEntryEvent(events.get(0), CacheEventType.HIT, "user:1", "Ada");
    assertEntryEvent(events.get(1), CacheEventType.HIT, "user:1", "Ada");
  }

  @Test
  void missEventCarriesTheKeyAndNoValue() {
    cache.on(CacheEventType.MISS, recorder);

    cache.get("user:1");
    cache.getMany(List.of("user:2", "user:3"));

    assertThat(events).hasSize(3);
    assertEntryEvent(events.get(0), CacheEventType.MISS, "user:1", null);
    assertEntryEvent(events.get(1), CacheEventType.MISS, "user:2", null);
    assertEntryEvent(events.get(2), CacheEventType.MISS, "user:3", null);
  }

  @Test
  void setEventFiresForEveryStoredEntryAfterTheWriteTookEffect() {
    List<Boolean> visible = new ArrayList<>();
    cache.on(CacheEventType.SET, recorder);
    cache.on(CacheEventType.SET, event -> visible.add(cache.has(event.key())));

    cache.set("user:1", "Ada");
    Map<String, String> many = new LinkedHashMap<>();
    many.put("user:2", "Bob");
    many.put("user:3", "Cy");
    cache.setMany(many);
    cache.getOrFetch("user:4", () -> "Dee");

    assertThat(events).hasSize(4);
    assertEntryEvent(events.get(0), CacheEventType.SET, "user:1", "Ada");
    assertEntryEvent(events.get(1), CacheEventType.SET, "user:2", "Bob");
    assertEntryEvent(events.get(2), CacheEventType.SET, "user:3", "Cy");
    assertEntryEvent(events.get(3), CacheEventType.SET, "user:4", "Dee");
    assertThat(visible).containsOnly(true);
  }

  @Test
  void deleteEventFiresOnlyForEntriesThatExisted() {
    cache.set("user:1", "Ada");
    cache.set("user:2", "Bob");
    List<Boolean> stillThere = new ArrayList<>();
    cache.on(CacheEventType.DELETE, recorder);
    cache.on(CacheEventType.DELETE, event -> stillThere.add(cache.has(event.key())));

    cache.delete("user:1");
    cache.delete("absent");
    cache.deleteMany(List.of("user:2", "absent"));

    assertThat(events).hasSize(2);
    assertEntryEvent(events.get(0), CacheEventType.DELETE, "user:1", null);
    assertEntryEvent(events.get(1), CacheEventType.DELETE, "user:2", null);
    assertThat(stillThere).containsOnly(false);
  }

  @Test
  void evictionEventCarriesTheEvictedEntry() {
    cache.on(CacheEventType.EVICTION, recorder);

    cache.set("a", "A");
    cache.set("b", "B");
    cache.set("c", "C");
    assertThat(events).isEmpty();
    cache.set("d", "D"); // maxSize 3: evicts "a", the least recently used

    assertThat(events).hasSize(1);
    assertEntryEvent(events.get(0), CacheEventType.EVICTION, "a", "A");
  }

  @Test
  void expirationEventCarriesTheExpiredEntry() {
    cache.on(CacheEventType.EXPIRATION, recorder);
    cache.set("session:1", "token", SetOptions.ttl(Duration.ofSeconds(30)));

    ticker.advance(Duration.ofSeconds(29));
    assertThat(cache.get("session:1")).isEqualTo("token");
    assertThat(events).isEmpty();

    ticker.advance(Duration.ofSeconds(2));
    assertThat(cache.get("session:1")).isNull();

    assertThat(events).hasSize(1);
    assertEntryEvent(events.get(0), CacheEventType.EXPIRATION, "session:1", "token");
  }

  @Test
  void invalidateEventOfOneKeyCarriesTheKeyAndCountOne() {
    cache.set("user:1", "Ada");
    cache.on(CacheEventType.INVALIDATE, recorder);

    assertThat(cache.invalidate("user:1")).isEqualTo(1);

    assertThat(events).hasSize(1);
    assertInvalidation(events.get(0), "user:1", Set.of(), null, 1);
  }

  @Test
  void invalidateEventByTagsCarriesTheTagsAndTheCount() {
    Cache<String> big = CacheFn.builder("events").build();
    big.set("user:1", "Ada", SetOptions.tags("users"));
    big.set("user:2", "Bob", SetOptions.tags("users", "admins"));
    big.set("team:1", "Core", SetOptions.tags("teams"));
    big.set("other", "x");
    big.on(CacheEventType.INVALIDATE, recorder);

    assertThat(big.invalidateByTag("users")).isEqualTo(2);
    assertThat(big.invalidateByTags(List.of("teams", "nobody"))).isEqualTo(1);

    assertThat(events).hasSize(2);
    assertInvalidation(events.get(0), null, Set.of("users"), null, 2);
    assertInvalidation(events.get(1), null, Set.of("teams", "nobody"), null, 1);
    assertThat(big.keys("*")).containsExactly("other");
  }

  @Test
  void invalidateEventByPatternCarriesThePatternAndTheCount() {
    cache.set("user:1", "Ada");
    cache.set("user:2", "Bob");
    cache.set("team:1", "Core");
    cache.on(CacheEventType.INVALIDATE, recorder);

    assertThat(cache.invalidateByPattern("user:*")).isEqualTo(2);

    assertThat(events).hasSize(1);
    assertInvalidation(events.get(0), null, Set.of(), "user:*", 2);
  }

  @Test
  void clearFiresAnInvalidateEventWithTheCountAndNoSelector() {
    cache.set("user:1", "Ada");
    cache.set("user:2", "Bob");
    cache.on(CacheEventType.INVALIDATE, recorder);

    cache.clear();

    assertThat(events).hasSize(1);
    assertInvalidation(events.get(0), null, Set.of(), null, 2);
  }

  @Test
  void listenerRunsOnTheThreadThatCausedTheEvent() {
    List<Thread> threads = new ArrayList<>();
    cache.on(CacheEventType.SET, event -> threads.add(Thread.currentThread()));

    cache.set("user:1", "Ada");

    assertThat(threads).containsExactly(Thread.currentThread());
  }

  @Test
  void closedSubscriptionStopsDelivery() {
    Subscription subscription = cache.on(CacheEventType.SET, recorder);
    cache.set("user:1", "Ada");

    subscription.close();
    cache.set("user:2", "Bob");
    subscription.close(); // harmless

    assertThat(events).hasSize(1);
    assertThat(events.get(0).key()).isEqualTo("user:1");
  }

  @Test
  void offStopsDeliveryOfThatTypeOnly() {
    cache.on(CacheEventType.SET, recorder);
    cache.on(CacheEventType.DELETE, recorder);

    assertThat(cache.off(CacheEventType.SET, recorder)).isTrue();
    assertThat(cache.off(CacheEventType.SET, recorder)).isFalse();
    assertThat(cache.off(CacheEventType.HIT, recorder)).isFalse();

    cache.set("user:1", "Ada");
    cache.delete("user:1");

    assertThat(events).hasSize(1);
    assertThat(events.get(0).type()).isEqualTo(CacheEventType.DELETE);
  }

  @Test
  void listenerThrowingRuntimeExceptionBreaksNeitherTheOperationNorTheOtherListeners() {
    cache.on(CacheEventType.SET, event -> {
      throw new IllegalStateException("listener bug");
    });
    cache.on(CacheEventType.SET, recorder);
    cache.on(CacheEventType.HIT, event -> {
      throw new IllegalStateException("listener bug");
    });
    cache.on(CacheEventType.HIT, recorder);

    cache.set("user:1", "Ada");
    cache.set("user:2", "Bob");

    assertThat(cache.get("user:1")).isEqualTo("Ada");
    assertThat(cache.getOrFetch("user:2", () -> "unused")).isEqualTo("Bob");
    assertThat(events).extracting(CacheEvent::type)
        .containsExactly(CacheEventType.SET, CacheEventType.SET, CacheEventType.HIT, CacheEventType.HIT);
    assertThat(cache.entries("*", 10)).containsOnly(Map.entry("user:1", "Ada"), Map.entry("user:2", "Bob"));
    assertThat(cache.stats().sets()).isEqualTo(2);
  }

  @Test
  void listenerThrowingAssertionErrorBreaksNeitherTheOperationNorTheOtherListeners() {
    cache.on(CacheEventType.SET, event -> {
      throw new AssertionError("listener assertion");
    });
    cache.on(CacheEventType.SET, recorder);
    cache.on(CacheEventType.DELETE, event -> {
      throw new AssertionError("listener assertion");
    });
    cache.on(CacheEventType.DELETE, recorder);
    cache.on(CacheEventType.EVICTION, event -> {
      throw new AssertionError("listener assertion");
    });
    cache.on(CacheEventType.EVICTION, recorder);

    cache.set("a", "A");
    cache.set("b", "B");
    cache.set("c", "C");
    assertThat(cache.delete("b")).isTrue();
    cache.set("d", "D");
    cache.set("e", "E"); // evicts "a"

    assertThat(events).extracting(CacheEvent::type).containsExactly(
        CacheEventType.SET, CacheEventType.SET, CacheEventType.SET, CacheEventType.DELETE,
        CacheEventType.SET, CacheEventType.EVICTION, CacheEventType.SET);
    assertThat(cache.entries("*", 10))
        .containsOnly(Map.entry("c", "C"), Map.entry("d", "D"), Map.entry("e", "E"));
  }

  /** Like Kotlin's {@code NotImplementedError} (thrown by {@code TODO()}): an Error that is not an AssertionError. */
  static final class NotImplementedError extends Error {
    private static final long serialVersionUID = 1L;

    NotImplementedError(String message) {
      super(message);
    }
  }

  @Test
  void listenerThrowingAnyOtherErrorBreaksNeitherTheOperationNorTheOtherListeners() {
    cache.on(CacheEventType.SET, event -> {
      throw new NotImplementedError("An operation is not implemented.");
    });
    cache.on(CacheEventType.SET, recorder);
    cache.on(CacheEventType.HIT, event -> {
      throw new NotImplementedError("An operation is not implemented.");
    });
    cache.on(CacheEventType.HIT, recorder);

    cache.set("user:1", "Ada");
    assertThat(cache.get("user:1")).isEqualTo("Ada");
    assertThat(cache.getOrFetch("user:2", () -> "Bob")).isEqualTo("Bob");

    assertThat(events).extracting(CacheEvent::type)
        .containsExactly(CacheEventType.SET, CacheEventType.HIT, CacheEventType.SET);
    assertThat(cache.entries("*", 10)).containsOnly(Map.entry("user:1", "Ada"), Map.entry("user:2", "Bob"));
  }

  @Test
  void listenerFailureDuringAFetchStillStoresAndReturnsTheValue() {
    cache.on(CacheEventType.SET, event -> {
      throw new IllegalStateException("listener bug");
    });
    cache.on(CacheEventType.MISS, event -> {
      throw new AssertionError("listener assertion");
    });

    assertThat(cache.getOrFetch("user:1", () -> "Ada")).isEqualTo("Ada");

    assertThat(cache.get("user:1")).isEqualTo("Ada");
    assertThat(cache.getOrFetch("user:1", () -> "other")).isEqualTo("Ada");
  }
}
