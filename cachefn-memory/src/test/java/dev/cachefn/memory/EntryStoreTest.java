package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import dev.cachefn.spi.GlobPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine with keys of any type, as cachefn-jcache uses it: equality keys, text patterns, evictions. */
class EntryStoreTest {

  /** A key whose text is shared by distinct keys, so text and equality must not be confused. */
  record OrderId(String region, int number) {
    @Override
    public String toString() {
      return "order:" + number;
    }
  }

  private final List<Object> evicted = new ArrayList<>();
  private final Ticker ticker = () -> 0L;

  private EntryStore<Object, String> store(long maxSize) {
    return EntryStore.create("t", maxSize, EvictionPolicy.LRU, ticker, (key, value) -> evicted.add(key));
  }

  @Test
  void keysAreComparedWithEqualsNotTheirText() {
    EntryStore<Object, String> store = store(Long.MAX_VALUE);
    store.put(new OrderId("eu", 1), "europe", Set.of());
    store.put(new OrderId("us", 1), "america", Set.of());

    assertThat(store.get(new OrderId("eu", 1))).isEqualTo("europe");
    assertThat(store.get(new OrderId("us", 1))).isEqualTo("america");
    assertThat(store.get("order:1")).isNull();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void aStringKeyAndAnObjectWithTheSameTextAreTwoEntries() {
    EntryStore<Object, String> store = store(Long.MAX_VALUE);
    store.put("order:1", "text", Set.of());
    store.put(new OrderId("eu", 1), "object", Set.of());

    assertThat(store.remove("order:1")).isTrue();
    assertThat(store.get(new OrderId("eu", 1))).isEqualTo("object");
  }

  @Test
  void patternsMatchTheKeysTextAndALiteralPatternFindsObjectKeysToo() {
    EntryStore<Object, String> store = store(Long.MAX_VALUE);
    store.put(new OrderId("eu", 1), "a", Set.of());
    store.put(new OrderId("eu", 22), "b", Set.of());
    store.put("user:1", "c", Set.of());

    assertThat(store.keys(GlobPattern.compile("order:*"))).containsExactlyInAnyOrder("order:1", "order:22");
    assertThat(store.entries(GlobPattern.compile("order:2?"), 10)).containsExactly(Map.entry("order:22", "b"));
    assertThat(store.removeByPattern(GlobPattern.compile("order:1"))).isEqualTo(1);
    assertThat(store.get(new OrderId("eu", 1))).isNull();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void tagsRemoveEntriesOfAnyKeyType() {
    EntryStore<Object, String> store = store(Long.MAX_VALUE);
    store.put(new OrderId("eu", 1), "a", Set.of("customer:7"));
    store.put(42L, "b", Set.of("customer:7", "vip"));
    store.put("plain", "c", Set.of());

    assertThat(store.removeByTags(List.of("customer:7"))).isEqualTo(2);
    assertThat(store.contains(42L)).isFalse();
    assertThat(store.contains("plain")).isTrue();
  }

  @Test
  void removeIfRemovesOnlyTheExpectedValue() {
    EntryStore<Object, String> store = store(Long.MAX_VALUE);
    String first = new String("v");
    store.put("k", first, Set.of());
    String second = new String("v");
    store.put("k", second, Set.of());

    assertThat(store.removeIf("k", first)).as("an equal but older value is not the entry").isFalse();
    assertThat(store.removeIf("k", second)).isTrue();
    assertThat(store.contains("k")).isFalse();
  }

  @Test
  void theLeastRecentlyUsedKeyIsEvictedAndReportedWithItsOriginalKeyObject() {
    EntryStore<Object, String> store = store(2);
    OrderId a = new OrderId("eu", 1);
    store.put(a, "a", Set.of());
    store.put(2, "b", Set.of());
    store.get(a);
    store.put(3, "c", Set.of());

    assertThat(evicted).containsExactly(2);
    assertThat(evicted.get(0)).isInstanceOf(Integer.class);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void iterationHandsOutTheOriginalKeysAndValues() {
    EntryStore<Object, String> store = store(Long.MAX_VALUE);
    OrderId a = new OrderId("eu", 1);
    store.put(a, "a", Set.of());
    store.put(7, "b", Set.of());

    Map<Object, String> seen = new HashMap<>();
    for (Iterator<Map.Entry<Object, String>> it = store.entries(); it.hasNext(); ) {
      Map.Entry<Object, String> entry = it.next();
      seen.put(entry.getKey(), entry.getValue());
    }
    assertThat(seen).containsOnly(Map.entry(a, "a"), Map.entry(7, "b"));
    assertThat(store.clear()).isEqualTo(2);
    assertThat(store.size()).isZero();
    assertThat(evicted).isEmpty();
  }
}
