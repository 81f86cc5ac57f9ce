package dev.cachefn.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.jcache.internal.JCacheCache;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CacheFnConfiguration#setMaxSize}: the cache keeps at most that many entries, evicting the least recently used. */
class MaxSizeTest {

  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider(CacheFnCachingProvider.class.getName()).getCacheManager();
  }

  @AfterEach
  void closeManager() {
    manager.getCacheNames().forEach(manager::destroyCache);
  }

  private Cache<String, Integer> bounded(String name, long maxSize) {
    CacheFnConfiguration<String, Integer> configuration = new CacheFnConfiguration<String, Integer>().setMaxSize(maxSize)
        .setEvictionPolicy(EvictionPolicy.LRU); // the tests name the entries LRU evicts
    configuration.setTypes(String.class, Integer.class).setStatisticsEnabled(true);
    return manager.createCache(name, configuration);
  }

  /** The keys present among a to z, found with containsKey, which is no use of an entry (iterating would be). */
  private static Set<String> keys(Cache<String, Integer> cache) {
    Set<String> keys = new HashSet<>();
    for (char c = 'a'; c <= 'z'; c++) {
      if (cache.containsKey(String.valueOf(c))) {
        keys.add(String.valueOf(c));
      }
    }
    return keys;
  }

  private static long entries(Cache<String, Integer> cache) {
    return StreamSupport.stream(cache.spliterator(), false).count();
  }

  @Test
  void theLeastRecentlyUsedEntryIsEvictedPastMaxSize() {
    Cache<String, Integer> cache = bounded("lru", 3);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("c", 3);
    cache.get("a"); // b is now the least recently used

    cache.put("d", 4);

    assertThat(cache.containsKey("b")).isFalse();
    assertThat(keys(cache)).containsExactlyInAnyOrder("a", "c", "d");
    assertThat(cache.unwrap(JCacheCache.class).statistics().getCacheEvictions()).isEqualTo(1);
  }

  @Test
  void aWriteCountsAsAUseAndAnUpdateEvictsNothing() {
    Cache<String, Integer> cache = bounded("updates", 2);
    cache.put("a", 1);
    cache.put("b", 2);

    cache.put("a", 10); // an update: no new entry, and b becomes the least recently used
    assertThat(keys(cache)).containsExactlyInAnyOrder("a", "b");
    cache.put("c", 3);

    assertThat(keys(cache)).containsExactlyInAnyOrder("a", "c");
    assertThat(cache.get("a")).isEqualTo(10);
  }

  @Test
  void anEvictionFiresNoRemovedEventAndDeletesNothingThroughTheWriter() {
    List<String> removed = new CopyOnWriteArrayList<>();
    List<Object> deleted = new CopyOnWriteArrayList<>();
    CacheFnConfiguration<String, Integer> configuration = new CacheFnConfiguration<String, Integer>().setMaxSize(1);
    configuration.setWriteThrough(true).setCacheWriterFactory(FactoryBuilder.factoryOf(new RecordingWriter(deleted)));
    configuration.addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(new RemovedLog(removed)), null, false, true));
    Cache<String, Integer> cache = manager.createCache("quiet", configuration);

    cache.put("a", 1);
    cache.put("b", 2);
    cache.remove("b");

    assertThat(cache.containsKey("a")).isFalse();
    assertThat(removed).containsExactly("b"); // the removal, not the eviction of a
    assertThat(deleted).containsExactly("b");
  }

  @Test
  void concurrentWritersNeverLeaveMoreThanMaxSizeEntries() throws InterruptedException {
    Cache<String, Integer> cache = bounded("concurrent", 50);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      writers.add(new Thread(() -> {
        for (int i = 0; i < 2_000; i++) {
          cache.put(thread + ":" + i, i);
          cache.get(thread + ":" + (i / 2));
        }
      }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }

    assertThat(entries(cache)).isEqualTo(50);
    assertThat(cache.unwrap(JCacheCache.class).statistics().getCacheEvictions()).isEqualTo(8_000 - 50);
  }

  @Test
  void aMaxSizeBelowOneIsRejectedNamingTheSetting() {
    assertThatThrownBy(() -> new CacheFnConfiguration<String, Integer>().setMaxSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxSize must be at least 1, got 0");
  }

  @Test
  void aCopyOfTheConfigurationKeepsMaxSize() {
    CacheFnConfiguration<String, Integer> original = new CacheFnConfiguration<String, Integer>().setMaxSize(7);

    assertThat(new CacheFnConfiguration<>(original).getMaxSize()).isEqualTo(7);
    assertThat(new CacheFnConfiguration<String, Integer>().getMaxSize()).isEqualTo(Long.MAX_VALUE);
  }

  /** Records the keys removed. */
  record RemovedLog(List<String> keys) implements CacheEntryRemovedListener<String, Integer>, java.io.Serializable {
    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {
      events.forEach(event -> keys.add(event.getKey()));
    }
  }

  /** Records the keys deleted through. */
  record RecordingWriter(List<Object> deleted) implements CacheWriter<String, Integer>, java.io.Serializable {
    @Override
    public void write(Cache.Entry<? extends String, ? extends Integer> entry) {}

    @Override
    public void writeAll(java.util.Collection<Cache.Entry<? extends String, ? extends Integer>> entries) {}

    @Override
    public void delete(Object key) {
      deleted.add(key);
    }

    @Override
    public void deleteAll(java.util.Collection<?> keys) {
      deleted.addAll(keys);
    }
  }
}
