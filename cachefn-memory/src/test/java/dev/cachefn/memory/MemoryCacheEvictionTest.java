package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Size-bounded eviction with {@link EvictionPolicy#LRU} on the in-memory storage: exact least-recently-used. */
class MemoryCacheEvictionTest {

  private final List<CacheEvent<? extends String>> evictions = new CopyOnWriteArrayList<>();

  private Cache<String> cacheOfMaxSize(long maxSize) {
    Cache<String> cache = CacheFn.builder("lru-" + maxSize).maxSize(maxSize).evictionPolicy(EvictionPolicy.LRU).build();
    cache.on(CacheEventType.EVICTION, evictions::add);
    return cache;
  }

  @Test
  void sizeNeverExceedsMaxSize() {
    Cache<String> cache = cacheOfMaxSize(5);

    for (int i = 0; i < 100; i++) {
      cache.set("k" + i, "v" + i);
      assertThat(cache.size()).isEqualTo(Math.min(i + 1, 5));
    }

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("k95", "k96", "k97", "k98", "k99");
    assertThat(cache.stats().evictions()).isEqualTo(95);
  }

  @Test
  void setManyBeyondMaxSizeKeepsOnlyTheMostRecentlyWritten() {
    Cache<String> cache = cacheOfMaxSize(3);
    Map<String, String> batch = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      batch.put("k" + i, "v" + i);
    }

    cache.setMany(batch);

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("k2", "k3", "k4");
    assertThat(evictions).extracting(CacheEvent::key).containsExactly("k0", "k1");
  }

  @Test
  void leastRecentlyWrittenIsEvictedWhenNothingWasRead() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    cache.set("d", "4");

    assertThat(cache.has("a")).isFalse();
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("b", "c", "d");
  }

  @Test
  void getRefreshesRecencySoTheLeastRecentlyUsedIsEvicted() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    cache.get("a");
    cache.set("d", "4");

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("a", "c", "d");
    assertThat(evictions).extracting(CacheEvent::key).containsExactly("b");
  }

  @Test
  void getManyRefreshesRecency() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    cache.getMany(List.of("b", "a"));
    cache.set("d", "4");

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("a", "b", "d");
  }

  @Test
  void hasDoesNotRefreshRecency() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    assertThat(cache.has("a")).isTrue();
    cache.set("d", "4");

    assertThat(cache.has("a")).isFalse();
    assertThat(evictions).extracting(CacheEvent::key).containsExactly("a");
  }

  @Test
  void entriesAndKeysDoNotRefreshRecency() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    cache.entries("a", 10);
    cache.keys("a*");
    cache.set("d", "4");

    assertThat(cache.has("a")).isFalse();
  }

  @Test
  void overwritingAKeyMakesItMostRecentlyUsed() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");

    cache.set("a", "1 again");
    cache.set("d", "4");

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("a", "c", "d");
    assertThat(cache.stats().evictions()).isEqualTo(1);
  }

  @Test
  void evictionEventCarriesTheEvictedKeyAndValue() {
    Cache<String> cache = cacheOfMaxSize(2);
    cache.set("first", "one");
    cache.set("second", "two");

    cache.set("third", "three");

    assertThat(evictions).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(CacheEventType.EVICTION);
      assertThat(event.cacheName()).isEqualTo("lru-2");
      assertThat(event.key()).isEqualTo("first");
      assertThat(event.value()).isEqualTo("one");
      assertThat(event.count()).isEqualTo(1);
    });
  }

  @Test
  void statsCountEveryEviction() {
    Cache<String> cache = cacheOfMaxSize(10);
    for (int i = 0; i < 25; i++) {
      cache.set("k" + i, "v");
    }

    assertThat(cache.stats().evictions()).isEqualTo(15);
    assertThat(evictions).hasSize(15);
    assertThat(cache.stats().deletes()).isZero();
  }

  @Test
  void deletedAndInvalidatedEntriesAreNotReportedAsEvictions() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.delete("a");
    cache.invalidateByPattern("b");
    cache.set("c", "3");
    cache.set("d", "4");
    cache.set("e", "5");

    assertThat(cache.size()).isEqualTo(3);
    assertThat(evictions).isEmpty();
  }

  @Test
  void manyReadsBetweenWritesKeepExactLruOrder() {
    Cache<String> cache = cacheOfMaxSize(100);
    for (int i = 0; i < 100; i++) {
      cache.set("k" + i, "v" + i);
    }
    // read the older half, more reads than any read buffer holds, in a scrambled order
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 50; i++) {
        cache.get("k" + ((i * 7) % 50));
      }
    }

    for (int i = 0; i < 50; i++) {
      cache.set("new" + i, "n");
    }

    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      expected.add("k" + i);
      expected.add("new" + i);
    }
    assertThat(cache.keys("*")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void readOfAKeyThatIsThenDeletedAndRewrittenDoesNotDisturbTheOrder() {
    Cache<String> cache = cacheOfMaxSize(3);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.get("a");    // buffered read of the node that is about to be deleted
    cache.delete("a"); // deletes do not replay the buffered reads
    cache.set("c", "3");
    cache.set("a", "1 again");

    cache.set("d", "4");

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("c", "a", "d");
    assertThat(evictions).extracting(CacheEvent::key).containsExactly("b");
  }

  @Test
  void randomOperationsMatchALinkedHashMapLru() {
    int capacity = 8;
    Cache<String> cache = cacheOfMaxSize(capacity);
    Map<String, String> model = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
    Random random = new Random(20240611L);

    for (int step = 0; step < 20_000; step++) {
      String key = "k" + random.nextInt(20);
      int op = random.nextInt(10);
      if (op < 4) {
        assertThat(cache.get(key)).as("step %d get %s", step, key).isEqualTo(model.get(key));
      } else if (op < 7) {
        String value = "v" + step;
        cache.set(key, value);
        model.put(key, value);
      } else if (op < 8) {
        assertThat(cache.has(key)).as("step %d has %s", step, key).isEqualTo(model.containsKey(key));
      } else if (op < 9) {
        assertThat(cache.delete(key)).as("step %d delete %s", step, key).isEqualTo(model.remove(key) != null);
      } else {
        List<String> keys = List.of(key, "k" + random.nextInt(20));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String k : keys) {
          String value = model.get(k);
          if (value != null) {
            expected.putIfAbsent(k, value);
          }
        }
        assertThat(cache.getMany(keys)).as("step %d getMany %s", step, keys).isEqualTo(expected);
      }
      assertThat(cache.size()).isEqualTo(model.size());
    }
    assertThat(cache.keys("*")).containsExactlyInAnyOrderElementsOf(new ArrayList<>(model.keySet()));
  }
}
