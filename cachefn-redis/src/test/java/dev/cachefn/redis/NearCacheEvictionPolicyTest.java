package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.testkit.Await;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which eviction policy a {@link TieredStorage}'s near cache uses: the cache's own unless the storage's builder
 * sets one for every cache. Shown by what a near cache of three entries keeps after two keys were read often and
 * six others once each: an LRU keeps the last three read, the adaptive policy keeps the two popular keys.
 */
class NearCacheEvictionPolicyTest {

  private final String namespace = "near-policy-" + UUID.randomUUID().toString().substring(0, 8);
  private TieredStorage storage;

  @AfterEach
  void close() {
    if (storage != null) {
      storage.close();
    }
  }

  private Cache<String> cache(RedisStorage.Builder builder, EvictionPolicy cachePolicy) {
    storage = builder.buildTiered();
    return CacheFn.builder("near-policy").namespace(namespace).storage(storage).maxSize(3)
        .evictionPolicy(cachePolicy).build();
  }

  /** Two keys read nine times each, then six keys read once each (each loaded near from Redis). */
  private void readPopularThenOneOffs(Cache<String> cache) {
    for (String key : new String[] {"p0", "p1", "x0", "x1", "x2", "x3", "x4", "x5"}) {
      cache.set(key, "v-" + key);
    }
    for (String key : new String[] {"p0", "p1"}) {
      awaitKept(cache, key);
      for (int i = 0; i < 8; i++) {
        assertThat(cache.get(key)).isEqualTo("v-" + key);
      }
    }
    for (int i = 0; i < 6; i++) {
      awaitKept(cache, "x" + i);
    }
  }

  private void awaitKept(Cache<String> cache, String key) {
    Await.until("the near cache keeps " + key, NearCacheTest.BOUND, () -> {
      assertThat(cache.get(key)).isEqualTo("v-" + key);
      return storage.nearCacheHolds(namespace, key);
    });
  }

  private void assertKeptThePopularKeys() {
    assertThat(storage.nearCacheHolds(namespace, "p0")).isTrue();
    assertThat(storage.nearCacheHolds(namespace, "p1")).isTrue();
    assertThat(storage.nearCacheHolds(namespace, "x4")).isFalse();
  }

  private void assertKeptTheLastRead() {
    assertThat(storage.nearCacheHolds(namespace, "x3")).isTrue();
    assertThat(storage.nearCacheHolds(namespace, "x4")).isTrue();
    assertThat(storage.nearCacheHolds(namespace, "p0")).isFalse();
    assertThat(storage.nearCacheHolds(namespace, "p1")).isFalse();
  }

  @Test
  void theNearCacheEvictsByTheCachesPolicyUnlessTheStorageSetsOne() {
    Cache<String> cache = cache(RedisStorage.builder(SharedRedis.server().uri()), EvictionPolicy.ADAPTIVE_FREQUENCY);

    readPopularThenOneOffs(cache);

    assertKeptThePopularKeys();
    assertThat(cache.size()).isEqualTo(8); // Redis keeps everything
  }

  @Test
  void theCachesLruPolicyKeepsTheLastReadNear() {
    Cache<String> cache = cache(RedisStorage.builder(SharedRedis.server().uri()), EvictionPolicy.LRU);

    readPopularThenOneOffs(cache);

    assertKeptTheLastRead();
  }

  @Test
  void theStoragesNearCachePolicyOverridesTheCaches() {
    Cache<String> adaptiveNear = cache(RedisStorage.builder(SharedRedis.server().uri())
        .nearCacheEvictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY), EvictionPolicy.LRU);

    readPopularThenOneOffs(adaptiveNear);

    assertKeptThePopularKeys();
  }

  @Test
  void anLruNearCacheOverridesAnAdaptiveCache() {
    Cache<String> lruNear = cache(RedisStorage.builder(SharedRedis.server().uri())
        .nearCacheEvictionPolicy(EvictionPolicy.LRU), EvictionPolicy.ADAPTIVE_FREQUENCY);

    readPopularThenOneOffs(lruNear);

    assertKeptTheLastRead();
  }

  @Test
  void aMissingNearCachePolicyIsRejected() {
    assertThatThrownBy(() -> RedisStorage.builder(SharedRedis.server().uri()).nearCacheEvictionPolicy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("nearCacheEvictionPolicy must not be null");
  }
}
