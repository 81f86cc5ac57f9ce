package dev.cachefn.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.CacheEventType;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.SetOptions;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code unwrap(dev.cachefn.Cache.class)}: CacheFn's API on the very entries of a JCache cache, which live in
 * the cachefn-memory engine: tags, patterns, statistics and eviction events.
 */
class CacheFnViewTest {

  /** A key type with a readable text; two regions share numbers, so text alone would not identify. */
  record OrderId(String region, int number) implements Serializable {
    @Override
    public String toString() {
      return "order:" + region + ":" + number;
    }
  }

  record Order(String customer, int total) implements Serializable {}

  private CacheManager manager;
  private final AtomicLong nanos = new AtomicLong(1_000);

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider(CacheFnCachingProvider.class.getName()).getCacheManager();
  }

  @AfterEach
  void closeManager() {
    manager.getCacheNames().forEach(manager::destroyCache);
  }

  @Test
  void theViewAndTheJCacheCacheShareTheirEntriesBothWays() {
    Cache<String, String> jcache = manager.createCache("shared", new CacheFnConfiguration<String, String>()
        .setTypes(String.class, String.class));
    dev.cachefn.Cache<String> view = jcache.unwrap(dev.cachefn.Cache.class);

    jcache.put("a", "from jcache");
    view.set("b", "from cachefn");

    assertThat(view.get("a")).isEqualTo("from jcache");
    assertThat(jcache.get("b")).isEqualTo("from cachefn");
    assertThat(view.delete("a")).isTrue();
    assertThat(jcache.containsKey("a")).isFalse();
    assertThat(jcache.unwrap(dev.cachefn.Cache.class)).as("one view per cache").isSameAs(view);
  }

  @Test
  void theTaggerTagsJCacheWritesAndTheViewInvalidatesByTag() {
    Cache<OrderId, Order> orders = manager.createCache("orders", new CacheFnConfiguration<OrderId, Order>()
        .setTagger((id, order) -> List.of("customer:" + order.customer()))
        .setTypes(OrderId.class, Order.class));
    OrderId eu1 = new OrderId("eu", 1);
    OrderId us1 = new OrderId("us", 1);
    orders.put(eu1, new Order("ada", 10));
    orders.put(us1, new Order("bob", 20));
    orders.invoke(new OrderId("eu", 2), (entry, args) -> {
      entry.setValue(new Order("ada", 30));
      return null;
    });

    int removed = orders.unwrap(dev.cachefn.Cache.class).invalidateByTag("customer:ada");

    assertThat(removed).isEqualTo(2);
    assertThat(orders.containsKey(eu1)).isFalse();
    assertThat(orders.containsKey(new OrderId("eu", 2))).isFalse();
    assertThat(orders.get(us1)).isEqualTo(new Order("bob", 20));
  }

  @Test
  void aRewriteTakesTheTagsOfTheNewValue() {
    Cache<String, Order> orders = manager.createCache("retag", new CacheFnConfiguration<String, Order>()
        .setTagger((id, order) -> List.of("customer:" + order.customer())));
    orders.put("o1", new Order("ada", 10));
    orders.put("o1", new Order("bob", 10));
    dev.cachefn.Cache<Order> view = orders.unwrap(dev.cachefn.Cache.class);

    assertThat(view.invalidateByTag("customer:ada")).isZero();
    assertThat(view.invalidateByTag("customer:bob")).isEqualTo(1);
  }

  @Test
  void patternsMatchTheKeysTextAndEqualityStillIdentifiesKeys() {
    Cache<OrderId, Order> orders = manager.createCache("patterns", new CacheFnConfiguration<OrderId, Order>());
    orders.put(new OrderId("eu", 1), new Order("ada", 10));
    orders.put(new OrderId("eu", 2), new Order("ada", 20));
    orders.put(new OrderId("us", 1), new Order("bob", 30));
    dev.cachefn.Cache<Order> view = orders.unwrap(dev.cachefn.Cache.class);

    assertThat(view.keys("order:eu:*")).containsExactlyInAnyOrder("order:eu:1", "order:eu:2");
    assertThat(view.invalidateByPattern("order:eu:1")).isEqualTo(1);
    assertThat(orders.containsKey(new OrderId("eu", 1))).isFalse();
    assertThat(orders.containsKey(new OrderId("us", 1))).isTrue();
    assertThat(view.size()).isEqualTo(2);
  }

  @Test
  void theViewsStatisticsCountTheJCacheReads() {
    Cache<String, String> jcache = manager.createCache("stats", new CacheFnConfiguration<String, String>());
    dev.cachefn.Cache<String> view = jcache.unwrap(dev.cachefn.Cache.class);
    jcache.put("a", "1");
    jcache.get("a");
    jcache.get("a");
    jcache.get("missing");
    view.get("a");

    assertThat(view.stats().hits()).isEqualTo(3);
    assertThat(view.stats().misses()).isEqualTo(1);
    assertThat(view.stats().size()).isEqualTo(1);
    assertThat(view.stats().memoryUsageBytes()).isPositive();
  }

  @Test
  void evictionsAreCacheFnEventsAndJCacheStatistics() {
    Cache<Integer, String> jcache = manager.createCache("bounded", new CacheFnConfiguration<Integer, String>()
        .setMaxSize(2)
        .setStatisticsEnabled(true));
    dev.cachefn.Cache<String> view = jcache.unwrap(dev.cachefn.Cache.class);
    List<String> evictions = new CopyOnWriteArrayList<>();
    view.on(CacheEventType.EVICTION, event -> evictions.add(event.key() + "=" + event.value()));

    jcache.put(1, "one");
    jcache.put(2, "two");
    jcache.get(1);
    jcache.put(3, "three");

    assertThat(evictions).containsExactly("2=two");
    assertThat(jcache.containsKey(2)).isFalse();
    assertThat(jcache.unwrap(dev.cachefn.jcache.internal.JCacheCache.class).statistics().getCacheEvictions())
        .isEqualTo(1);
  }

  @Test
  void theAdaptivePolicyKeepsAFrequentlyReadKeyThroughAScan() {
    Cache<Integer, String> jcache = manager.createCache("adaptive", new CacheFnConfiguration<Integer, String>()
        .setMaxSize(100)
        .setEvictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY));
    jcache.put(0, "hot");
    for (int round = 0; round < 20; round++) {
      jcache.get(0);
    }
    for (int key = 1; key <= 1_000; key++) {
      jcache.put(key, "scan");
    }

    assertThat(jcache.get(0)).isEqualTo("hot");
    assertThat(jcache.unwrap(dev.cachefn.Cache.class).size()).isEqualTo(100);
  }

  @Test
  void entriesExpiredByTheJCachePolicyAreAbsentFromTheView() {
    Cache<String, String> jcache = manager.createCache("expiry", new CacheFnConfiguration<String, String>()
        .setTicker(nanos::get)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 5))));
    dev.cachefn.Cache<String> view = jcache.unwrap(dev.cachefn.Cache.class);
    jcache.put("a", "1");
    view.set("b", "2", SetOptions.ttl(java.time.Duration.ofSeconds(60)));

    nanos.addAndGet(TimeUnit.SECONDS.toNanos(6));

    assertThat(view.get("a")).isNull();
    assertThat(view.keys("*")).containsExactly("b");
    assertThat(jcache.get("b")).isEqualTo("2");
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
    assertThat(jcache.get("b")).as("the view's ttl is the entry's JCache expiry").isNull();
  }

  @Test
  void writesThroughTheViewNeedStringKeysAndSayWhy() {
    Cache<Integer, String> jcache = manager.createCache("numbers", new CacheFnConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class));
    dev.cachefn.Cache<String> view = jcache.unwrap(dev.cachefn.Cache.class);

    assertThatThrownBy(() -> view.set("1", "one"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'numbers'")
        .hasMessageContaining("java.lang.Integer");
    assertThat(jcache.iterator().hasNext()).isFalse();
  }

  @Test
  void aFailingTaggerFailsTheWriteAndLeavesNoStaleValue() {
    Cache<String, String> jcache = manager.createCache("tagger", new CacheFnConfiguration<String, String>()
        .setTagger((key, value) -> {
          if (value.equals("bad")) {
            throw new IllegalStateException("no tags for bad values");
          }
          return List.of("ok");
        }));
    jcache.put("k", "good");

    assertThatThrownBy(() -> jcache.put("k", "bad"))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("tagger of cache 'tagger' failed for key k")
        .hasRootCauseMessage("no tags for bad values");
    assertThat(jcache.get("k")).as("neither the old value nor the new one").isNull();
  }

  @Test
  void aTaggerThatReturnsAnEmptyTagIsRefusedNamingTheKey() {
    Cache<String, String> jcache = manager.createCache("emptytag", new CacheFnConfiguration<String, String>()
        .setTagger((key, value) -> List.of("")));

    assertThatThrownBy(() -> jcache.put("k", "v"))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("empty tag for key k");
  }
}
