package dev.cachefn.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.jcache.internal.JCacheCache;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.EventType;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CacheFn-specific behaviour of the JCache provider, beyond what the TCK checks. */
class CacheFnJCacheTest {

  private CacheManager manager;
  private final AtomicLong nanos = new AtomicLong(1_000);

  @BeforeEach
  void openManager() {
    CachingProvider provider = Caching.getCachingProvider(CacheFnCachingProvider.class.getName());
    manager = provider.getCacheManager();
  }

  @AfterEach
  void closeManager() {
    manager.getCacheNames().forEach(manager::destroyCache);
  }

  /** Two distinct keys that print the same: a toString-based mapping would mix them up. */
  record Region(String code, int shard) implements Serializable {
    @Override
    public String toString() {
      return "region";
    }
  }

  @Test
  void theProviderIsFoundThroughTheServiceLoader() {
    assertThat(Caching.getCachingProvider()).isInstanceOf(CacheFnCachingProvider.class);
  }

  @Test
  void keysKeepTheirEqualsAndHashCodeIdentity() {
    Cache<Region, String> cache = manager.createCache("regions", new MutableConfiguration<Region, String>());

    cache.put(new Region("eu", 1), "Frankfurt");
    cache.put(new Region("eu", 2), "Dublin");

    assertThat(cache.get(new Region("eu", 1))).isEqualTo("Frankfurt");
    assertThat(cache.get(new Region("eu", 2))).isEqualTo("Dublin");
    assertThat(cache.containsKey(new Region("us", 1))).isFalse();
  }

  @Test
  void storeByValueKeepsTheCacheApartFromTheCallersObjects() {
    Cache<String, ArrayList<String>> cache = manager.createCache(
        "byValue", new MutableConfiguration<String, ArrayList<String>>().setStoreByValue(true));
    ArrayList<String> team = new ArrayList<>(List.of("ada"));

    cache.put("team", team);
    team.add("grace");
    cache.get("team").add("linus");

    assertThat(cache.get("team")).containsExactly("ada");
  }

  @Test
  void storeByReferenceHandsBackTheSameInstance() {
    Cache<String, List<String>> cache = manager.createCache(
        "byReference", new MutableConfiguration<String, List<String>>().setStoreByValue(false));
    List<String> team = new ArrayList<>(List.of("ada"));

    cache.put("team", team);

    assertThat(cache.get("team")).isSameAs(team);
  }

  @Test
  void createdExpiryRunsOnTheConfiguredTickerAndAnnouncesTheExpiry() {
    List<EventType> events = new CopyOnWriteArrayList<>();
    CacheEntryExpiredListener<String, String> listener = expired -> {
      for (CacheEntryEvent<? extends String, ? extends String> event : expired) {
        events.add(event.getEventType());
      }
    };
    CacheFnConfiguration<String, String> configuration = new CacheFnConfiguration<String, String>()
        .setTicker(nanos::get);
    configuration.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
        new javax.cache.expiry.Duration(TimeUnit.MINUTES, 1)));
    configuration.addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
        new FactoryBuilder.SingletonFactory<>(listener), null, true, true));
    Cache<String, String> cache = manager.createCache("created", configuration);

    cache.put("k", "v");
    advance(Duration.ofSeconds(59));
    assertThat(cache.get("k")).isEqualTo("v");
    advance(Duration.ofSeconds(1));

    assertThat(cache.get("k")).isNull();
    assertThat(events).containsExactly(EventType.EXPIRED);
  }

  @Test
  void accessedExpiryIsExtendedByEachRead() {
    CacheFnConfiguration<String, String> configuration = new CacheFnConfiguration<String, String>()
        .setTicker(nanos::get);
    configuration.setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(
        new javax.cache.expiry.Duration(TimeUnit.SECONDS, 10)));
    Cache<String, String> cache = manager.createCache("accessed", configuration);

    cache.put("k", "v");
    for (int i = 0; i < 5; i++) {
      advance(Duration.ofSeconds(9));
      assertThat(cache.get("k")).isEqualTo("v");
    }
    advance(Duration.ofSeconds(10));

    assertThat(cache.containsKey("k")).isFalse();
  }

  @Test
  void statisticsAreReachableThroughUnwrap() {
    Cache<Integer, String> cache = manager.createCache(
        "stats", new MutableConfiguration<Integer, String>().setStatisticsEnabled(true));

    cache.put(1, "one");
    cache.get(1);
    cache.get(2);

    JCacheCache<?, ?> unwrapped = cache.unwrap(JCacheCache.class);
    assertThat(unwrapped.statistics().getCacheHits()).isEqualTo(1);
    assertThat(unwrapped.statistics().getCacheMisses()).isEqualTo(1);
    assertThat(unwrapped.statistics().getCachePuts()).isEqualTo(1);
  }

  @Test
  void anEntryProcessorAtWorkOnOneKeyBlocksNoOtherKey() throws Exception {
    Cache<String, String> cache = manager.createCache("perkey",
        new CacheFnConfiguration<String, String>().setMaxSize(100));
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread slow = new Thread(() -> cache.invoke("a", (entry, args) -> {
      inside.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      entry.setValue("slow");
      return null;
    }));
    slow.start();
    inside.await();

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
      cache.put("b", "fast");
      cache.put("c", "fast");
    });
    assertThat(cache.get("b")).isEqualTo("fast");
    assertThat(cache.containsKey("a")).as("the processor has not finished").isFalse();

    release.countDown();
    slow.join();
    assertThat(cache.get("a")).isEqualTo("slow");
  }

  @Test
  void unwrapToAnUnrelatedTypeFailsNamingIt() {
    Cache<Integer, String> cache = manager.createCache("unwrap", new MutableConfiguration<Integer, String>());

    assertThatThrownBy(() -> cache.unwrap(java.util.Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.Map");
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
