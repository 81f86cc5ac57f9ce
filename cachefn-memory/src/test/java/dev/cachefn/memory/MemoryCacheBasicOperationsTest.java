package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain key-value operations of a cache on the in-memory storage, built through {@link CacheFn}. */
class MemoryCacheBasicOperationsTest {

  private final Cache<String> cache = CacheFn.builder("basic").build();

  @Test
  void getReturnsWhatSetStored() {
    cache.set("user:1", "Ada");

    assertThat(cache.get("user:1")).isEqualTo("Ada");
  }

  @Test
  void getOfAnAbsentKeyReturnsNull() {
    cache.set("user:1", "Ada");

    assertThat(cache.get("user:2")).isNull();
  }

  @Test
  void hasTellsWhetherAKeyIsPresent() {
    cache.set("user:1", "Ada");

    assertThat(cache.has("user:1")).isTrue();
    assertThat(cache.has("user:2")).isFalse();
  }

  @Test
  void deleteRemovesTheEntryAndReturnsTrueOnlyIfItExisted() {
    cache.set("user:1", "Ada");
    cache.set("user:2", "Grace");

    assertThat(cache.delete("user:1")).isTrue();
    assertThat(cache.delete("user:1")).isFalse();
    assertThat(cache.delete("never-set")).isFalse();

    assertThat(cache.get("user:1")).isNull();
    assertThat(cache.has("user:1")).isFalse();
    assertThat(cache.get("user:2")).isEqualTo("Grace");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void clearRemovesEveryEntry() {
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3", SetOptions.tags("t"));

    cache.clear();

    assertThat(cache.size()).isZero();
    assertThat(cache.get("a")).isNull();
    assertThat(cache.has("b")).isFalse();
    assertThat(cache.keys("*")).isEmpty();
    assertThat(cache.invalidateByTag("t")).isZero();
  }

  @Test
  void cacheIsUsableAgainAfterClear() {
    cache.set("a", "1");
    cache.clear();

    cache.set("a", "2");

    assertThat(cache.get("a")).isEqualTo("2");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void getManyReturnsPresentKeysInRequestOrderAndOmitsAbsentOnes() {
    for (int i = 0; i < 20; i++) {
      cache.set("k" + i, "v" + i);
    }
    List<String> request = new ArrayList<>();
    List<String> expectedKeys = new ArrayList<>();
    for (int i = 19; i >= 0; i--) { // reverse of insertion order, with absent keys interleaved
      request.add("k" + i);
      expectedKeys.add("k" + i);
      request.add("absent" + i);
    }

    Map<String, String> found = cache.getMany(request);

    assertThat(found.keySet()).containsExactlyElementsOf(expectedKeys);
    found.forEach((key, value) -> assertThat(value).isEqualTo("v" + key.substring(1)));
  }

  @Test
  void getManyOfOnlyAbsentKeysIsEmpty() {
    cache.set("a", "1");

    assertThat(cache.getMany(List.of("x", "y"))).isEmpty();
  }

  @Test
  void setManyStoresEveryEntry() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("a", "1");
    entries.put("b", "2");
    entries.put("c", "3");

    cache.setMany(entries);

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.getMany(List.of("a", "b", "c"))).containsExactlyEntriesOf(entries);
  }

  @Test
  void setManyWithOptionsTagsEveryEntry() {
    cache.set("untagged", "0");
    cache.setMany(Map.of("a", "1", "b", "2"), SetOptions.tags("batch"));

    assertThat(cache.invalidateByTag("batch")).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactly("untagged");
  }

  @Test
  void deleteManyReturnsHowManyExisted() {
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    int deleted = cache.deleteMany(List.of("a", "missing", "c", "a"));

    assertThat(deleted).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactly("b");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void keysReturnsTheKeysMatchingThePattern() {
    cache.set("user:1", "a");
    cache.set("user:2", "b");
    cache.set("user:10", "c");
    cache.set("session:1", "d");

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("user:1", "user:2", "user:10", "session:1");
    assertThat(cache.keys("user:*")).containsExactlyInAnyOrder("user:1", "user:2", "user:10");
    assertThat(cache.keys("user:?")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(cache.keys("session:1")).containsExactly("session:1");
    assertThat(cache.keys("nothing:*")).isEmpty();
    assertThat(cache.keys("user:3")).isEmpty();
  }

  @Test
  void sizeCountsEntriesAndIsNotChangedByOverwriting() {
    assertThat(cache.size()).isZero();
    cache.set("a", "1");
    cache.set("b", "2");
    assertThat(cache.size()).isEqualTo(2);

    cache.set("a", "1 again");

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.stats().size()).isEqualTo(2);
  }

  @Test
  void entriesRespectsTheLimit() {
    for (int i = 0; i < 10; i++) {
      cache.set("item:" + i, "v" + i);
    }

    Map<String, String> three = cache.entries("*", 3);

    assertThat(three).hasSize(3);
    three.forEach((key, value) -> assertThat(value).isEqualTo("v" + key.substring("item:".length())));
    assertThat(cache.entries("*", 0)).isEmpty();
    assertThat(cache.entries("*", 100)).hasSize(10);
  }

  @Test
  void entriesReturnsOnlyKeysMatchingThePattern() {
    for (int i = 0; i < 10; i++) {
      cache.set("item:" + i, "v" + i);
      cache.set("other:" + i, "o" + i);
    }

    Map<String, String> items = cache.entries("item:*", 100);
    Map<String, String> limited = cache.entries("other:*", 4);

    assertThat(items).hasSize(10).allSatisfy((key, value) -> {
      assertThat(key).startsWith("item:");
      assertThat(value).isEqualTo("v" + key.substring("item:".length()));
    });
    assertThat(limited).hasSize(4).allSatisfy((key, value) -> assertThat(key).startsWith("other:"));
  }

  @Test
  void overwritingAKeyReplacesItsValue() {
    cache.set("a", "old");

    cache.set("a", "new");

    assertThat(cache.get("a")).isEqualTo("new");
    assertThat(cache.entries("a", 10)).containsExactly(Map.entry("a", "new"));
  }

  @Test
  void overwritingAKeyReplacesItsTags() {
    cache.set("a", "old", SetOptions.tags("old-tag", "shared"));

    cache.set("a", "new", SetOptions.tags("new-tag"));

    assertThat(cache.invalidateByTag("old-tag")).isZero();
    assertThat(cache.invalidateByTag("shared")).isZero();
    assertThat(cache.get("a")).isEqualTo("new");
    assertThat(cache.invalidateByTag("new-tag")).isEqualTo(1);
    assertThat(cache.has("a")).isFalse();
  }

  @Test
  void overwritingATaggedKeyWithoutOptionsDropsItsTags() {
    cache.set("a", "old", SetOptions.tags("t"));

    cache.set("a", "new");

    assertThat(cache.invalidateByTag("t")).isZero();
    assertThat(cache.get("a")).isEqualTo("new");
  }

  @Test
  void nameIsTheBuilderName() {
    assertThat(cache.name()).isEqualTo("basic");
  }
}
