package dev.cachefn.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.EvictionPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The near cache's eviction policy setting of the {@code "tiered"} storage. */
class RedisSettingsTest {

  private static RedisSettings read(String nearPolicy) {
    Map<String, String> values = new HashMap<>();
    values.put(RedisSettings.URI, "redis://127.0.0.1:6379");
    values.put(RedisSettings.NEAR_EVICTION_POLICY, nearPolicy);
    return RedisSettings.read("tiered", values::get);
  }

  @Test
  void theNearCachePolicyIsReadInEitherSpelling() {
    assertThat(read("adaptive-frequency").nearEvictionPolicy()).isEqualTo(EvictionPolicy.ADAPTIVE_FREQUENCY);
    assertThat(read(" LRU ").nearEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
    assertThat(read("ADAPTIVE_FREQUENCY").nearEvictionPolicy()).isEqualTo(EvictionPolicy.ADAPTIVE_FREQUENCY);
  }

  @Test
  void unsetTheNearCacheFollowsEachCache() {
    assertThat(read(null).nearEvictionPolicy()).isNull();
    assertThat(read(" ").nearEvictionPolicy()).isNull();
  }

  @Test
  void anUnknownPolicyIsRejectedNamingThePropertyAndTheAllowedValues() {
    assertThatThrownBy(() -> read("lfu"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cachefn.redis.near-cache-eviction-policy must be one of [lru, adaptive-frequency], got 'lfu'");
  }
}
