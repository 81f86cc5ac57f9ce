package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.FakeTicker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several caches on one shared {@link MemoryStorage}: namespaces isolate them or let them share. */
class MemoryStorageNamespaceTest {

  private final MemoryStorage storage = MemoryStorage.create();

  private Cache<String> cache(String name, String namespace) {
    return CacheFn.builder(name).namespace(namespace).storage(storage).build();
  }

  @Test
  void cachesInDifferentNamespacesNeverSeeEachOthersKeys() {
    Cache<String> users = cache("users", "ns-users");
    Cache<String> orders = cache("orders", "ns-orders");

    users.set("id:1", "Ada");
    users.set("only-users", "u");
    orders.set("id:1", "order one");

    assertThat(users.get("id:1")).isEqualTo("Ada");
    assertThat(orders.get("id:1")).isEqualTo("order one");
    assertThat(orders.get("only-users")).isNull();
    assertThat(orders.has("only-users")).isFalse();
    assertThat(orders.keys("*")).containsExactly("id:1");
    assertThat(orders.entries("*", 10)).containsOnlyKeys("id:1");
    assertThat(orders.getMany(List.of("id:1", "only-users"))).containsOnlyKeys("id:1");
    assertThat(users.size()).isEqualTo(2);
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void clearOfOneNamespaceLeavesTheOther() {
    Cache<String> first = cache("first", "ns-1");
    Cache<String> second = cache("second", "ns-2");
    first.set("k", "1");
    second.set("k", "2");

    first.clear();

    assertThat(first.get("k")).isNull();
    assertThat(first.size()).isZero();
    assertThat(second.get("k")).isEqualTo("2");
    assertThat(second.size()).isEqualTo(1);
  }

  @Test
  void deletesAndInvalidationsOfOneNamespaceLeaveTheOther() {
    Cache<String> first = cache("first", "ns-1");
    Cache<String> second = cache("second", "ns-2");
    for (Cache<String> cache : List.of(first, second)) {
      cache.set("a", "1", SetOptions.tags("t"));
      cache.set("b", "2");
      cache.set("c", "3");
    }

    assertThat(first.delete("c")).isTrue();
    assertThat(first.invalidateByTag("t")).isEqualTo(1);
    assertThat(first.invalidateByPattern("*")).isEqualTo(1);

    assertThat(first.size()).isZero();
    assertThat(second.keys("*")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(second.invalidateByTag("t")).isEqualTo(1);
  }

  @Test
  void cachesInTheSameNamespaceShareEntries() {
    Cache<String> writer = cache("writer", "shared");
    Cache<String> reader = cache("reader", "shared");

    writer.set("k", "v", SetOptions.tags("t"));

    assertThat(reader.get("k")).isEqualTo("v");
    assertThat(reader.size()).isEqualTo(1);
    assertThat(reader.invalidateByTag("t")).isEqualTo(1);
    assertThat(writer.has("k")).isFalse();
  }

  @Test
  void cachesWithTheSameNameAndNoNamespaceShareTheNameAsNamespace() {
    Cache<String> one = CacheFn.builder("same").storage(storage).build();
    Cache<String> two = CacheFn.builder("same").storage(storage).build();
    Cache<String> other = CacheFn.builder("other").storage(storage).build();

    one.set("k", "v");

    assertThat(two.get("k")).isEqualTo("v");
    assertThat(other.get("k")).isNull();
  }

  @Test
  void cachesBuiltWithoutAStorageDoNotShareEntries() {
    Cache<String> one = CacheFn.builder("same-name").build();
    Cache<String> two = CacheFn.builder("same-name").build();

    one.set("k", "v");

    assertThat(two.get("k")).isNull();
  }

  @Test
  void differentMaxSizeOnTheSameNamespaceFailsNamingTheNamespace() {
    CacheFn.builder("first").namespace("shared-ns").maxSize(10).storage(storage).build();

    assertThatThrownBy(
            () -> CacheFn.builder("second").namespace("shared-ns").maxSize(20).storage(storage).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'shared-ns'")
        .hasMessageContaining("10")
        .hasMessageContaining("20");
  }

  @Test
  void sameMaxSizeOnTheSameNamespaceIsAccepted() {
    Cache<String> first = CacheFn.builder("first").namespace("ns").maxSize(2).storage(storage)
        .evictionPolicy(EvictionPolicy.LRU).build();
    Cache<String> second = CacheFn.builder("second").namespace("ns").maxSize(2).storage(storage)
        .evictionPolicy(EvictionPolicy.LRU).build();

    first.set("a", "1");
    second.set("b", "2");
    second.set("c", "3");

    assertThat(first.size()).isEqualTo(2);
    assertThat(first.has("a")).isFalse();
  }

  @Test
  void differentMaxSizeInDifferentNamespacesIsFine() {
    Cache<String> small = CacheFn.builder("small").namespace("ns-small").maxSize(1).storage(storage).build();
    Cache<String> large = CacheFn.builder("large").namespace("ns-large").maxSize(100).storage(storage).build();

    small.set("a", "1");
    small.set("b", "2");
    large.set("a", "1");
    large.set("b", "2");

    assertThat(small.size()).isEqualTo(1);
    assertThat(large.size()).isEqualTo(2);
  }

  @Test
  void anotherTickerOnTheSameNamespaceFailsNamingTheNamespace() {
    FakeTicker first = new FakeTicker();
    CacheFn.builder("first").namespace("timed").ticker(first).storage(storage).build();

    assertThatThrownBy(
            () -> CacheFn.builder("second").namespace("timed").ticker(new FakeTicker()).storage(storage).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'timed'")
        .hasMessageContaining("same ticker");
    assertThatThrownBy(() -> CacheFn.builder("third").namespace("timed").storage(storage).build())
        .as("the system ticker is another ticker too")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same ticker");
  }

  @Test
  void theSameTickerOnTheSameNamespaceExpiresEntriesForBothCaches() {
    FakeTicker ticker = new FakeTicker();
    Cache<String> writer = CacheFn.builder("writer").namespace("timed").ticker(ticker).storage(storage).build();
    Cache<String> reader = CacheFn.builder("reader").namespace("timed").ticker(ticker).storage(storage).build();

    writer.set("k", "v", SetOptions.ttl(java.time.Duration.ofSeconds(10)));
    assertThat(reader.get("k")).isEqualTo("v");
    ticker.advance(java.time.Duration.ofSeconds(11));

    assertThat(reader.get("k")).isNull();
    assertThat(writer.get("k")).isNull();
  }
}
