package dev.cachefn.redis.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.NamedCaches;
import dev.cachefn.cdi.internal.CacheFnExtension;
import dev.cachefn.redis.RedisTestServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Redis storages configured through cachefn-cdi's MicroProfile Config keys, in a Weld SE container: the
 * cache's {@code storage} key selects {@code redis} or {@code tiered}, {@code cachefn.redis.*} configures them,
 * and a bad or unreachable setting fails the deployment naming the property.
 */
class RedisCdiConfigurationTest {

  /** A bean of the application, with a cache configured by properties. */
  @ApplicationScoped
  public static class Catalog {
    @Inject @CacheName("products") Cache<String> products;

    public Cache<String> products() {
      return products;
    }
  }

  private final String namespace = "cdi-" + UUID.randomUUID().toString().substring(0, 8);

  private static SeContainer start(Map<String, String> properties) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.releaseConfig(resolver.getConfig(loader));
    Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500))
        .build();
    resolver.registerConfig(config, loader);
    try {
      return SeContainerInitializer.newInstance().disableDiscovery().addExtensions(new CacheFnExtension())
          .addBeanClasses(Catalog.class).initialize();
    } catch (RuntimeException e) {
      resolver.releaseConfig(config);
      throw e;
    }
  }

  private Map<String, String> properties(String storage) {
    Map<String, String> properties = new HashMap<>();
    properties.put("cachefn.cache.products.storage", storage);
    properties.put("cachefn.cache.products.namespace", namespace);
    properties.put("cachefn.redis.uri", RedisTestServer.uri());
    properties.put("cachefn.redis.timeout", "PT1S");
    properties.put("cachefn.redis.failure-policy", "bypass");
    properties.put("cachefn.redis.pool-size", "8"); // unknown to CacheFn today: not rejected
    return properties;
  }

  @ParameterizedTest(name = "storage={0}")
  @CsvSource({"redis", "tiered"})
  void aCacheConfiguredWithARedisStorageKeepsItsEntriesInRedis(String storage) {
    try (SeContainer container = start(properties(storage))) {
      Cache<String> products = container.select(Catalog.class).get().products();

      products.set("p1", "kettle");

      assertThat(RedisTestServer.raw().get("cachefn:{" + namespace.length() + ":" + namespace + "}:k:p1"))
          .contains("kettle");
      assertThat(container.select(NamedCaches.class).get().<String>get("products").get("p1")).isEqualTo("kettle");
    }
  }

  @ParameterizedTest(name = "distributed-single-flight={0}")
  @CsvSource({"true", "false"})
  void aCacheTakesAFetchLeaseInRedisOnlyWhenConfiguredTo(boolean singleFlight) {
    Map<String, String> properties = properties("redis");
    properties.put("cachefn.cache.products.distributed-single-flight", Boolean.toString(singleFlight));
    properties.put("cachefn.redis.fetch-lease", "PT7S");
    String lease = "cachefn:{" + namespace.length() + ":" + namespace + "}:l:p1";
    try (SeContainer container = start(properties)) {
      Cache<String> products = container.select(Catalog.class).get().products();

      long[] leaseLeft = new long[1];
      products.getOrFetch("p1", () -> {
        leaseLeft[0] = RedisTestServer.raw().pttl(lease);
        return "kettle";
      });

      if (singleFlight) {
        assertThat(leaseLeft[0]).as("the lease's time left while fetching").isBetween(1L, 7000L);
      } else {
        assertThat(leaseLeft[0]).as("no lease").isEqualTo(-2L);
      }
      assertThat(RedisTestServer.raw().exists(lease)).as("released after the fetch").isZero();
    }
  }

  @Test
  void aFormatVersionIsPartOfEveryKey() {
    Map<String, String> properties = properties("redis");
    properties.put("cachefn.redis.format-version", "7");
    try (SeContainer container = start(properties)) {
      container.select(Catalog.class).get().products().set("p1", "kettle");

      assertThat(RedisTestServer.raw().get("cachefn:7:{" + namespace.length() + ":" + namespace + "}:k:p1"))
          .contains("kettle");
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "cachefn.redis.timeout        | soon             | cachefn.redis.timeout must be an ISO-8601 duration such as PT10M",
      "cachefn.redis.timeout        | 2000             | cachefn.redis.timeout must be an ISO-8601 duration such as PT10M or P1D, or a whole number with a unit ms, s, m, h or d such as 500ms, 10s, 5m, 1h; got '2000' (a number needs a unit, such as 2000ms or 2000s)",
      "cachefn.redis.timeout        | 0ms              | cachefn.redis.timeout must be a positive duration; got '0ms'",
      "cachefn.redis.failure-policy | retry            | cachefn.redis.failure-policy must be fail or bypass, got 'retry'",
      "cachefn.redis.lazy-connect   | maybe            | cachefn.redis.lazy-connect must be true or false, got 'maybe'",
      "cachefn.redis.heartbeat      | -PT1S            | cachefn.redis.heartbeat must be a positive duration",
      "cachefn.redis.fetch-lease    | long             | cachefn.redis.fetch-lease must be an ISO-8601 duration such as PT10M",
      "cachefn.redis.distributed-single-flight | true | cachefn.redis.distributed-single-flight is not a storage setting: turn distributed single flight on for each cache that wants it, with cachefn.cache.<name>.distributed-single-flight=true",
      "cachefn.redis.near-cache-eviction-policy | lfu   | cachefn.redis.near-cache-eviction-policy must be one of [lru, adaptive-frequency], got 'lfu'",
      "cachefn.redis.format-version | 2/3              | cachefn.redis.format-version: the value format version must be 1 to 32 letters, digits",
      "cachefn.redis.uri            | http://nowhere   | uri must be a Redis URI such as redis://127.0.0.1:6379 or redis-cluster://10.0.0.1:7000,10.0.0.2:7000, got 'http://nowhere'",
      "cachefn.redis.uri            | redis-cluster://127.0.0.1:7000/2 | a cluster URI names seed nodes only (host:port, comma-separated), no database or options",
      "cachefn.redis.uri            | redis://127.0.0.1:1 | cannot connect to Redis at redis://127.0.0.1:1 (the uri given to RedisStorage, or the cachefn.redis.uri setting)",
  })
  void aBadRedisSettingFailsTheDeploymentNamingIt(String property, String value, String message) {
    Map<String, String> properties = properties("tiered");
    properties.put(property, value);

    assertThatThrownBy(() -> start(properties).close())
        .hasMessageContaining("CacheFn configuration: storage 'tiered' (used by cache 'products') cannot start")
        .hasMessageContaining(message);
  }

  @Test
  void aMissingUriFailsTheDeploymentNamingTheSetting() {
    Map<String, String> properties = properties("redis");
    properties.remove("cachefn.redis.uri");

    if (System.getProperty("cachefn.redis.uri") == null && System.getenv("CACHEFN_REDIS_URI") == null) {
      assertThatThrownBy(() -> start(properties).close())
          .hasMessageContaining("storage 'redis' (used by cache 'products') cannot start")
          .hasMessageContaining("storage \"redis\" needs the Redis URI: set cachefn.redis.uri");
    }
  }

  @Test
  void aLazyStorageLetsTheApplicationStartWhileRedisIsDown() {
    Map<String, String> properties = properties("tiered");
    properties.put("cachefn.redis.uri", "redis://127.0.0.1:1");
    properties.put("cachefn.redis.lazy-connect", "true");

    try (SeContainer container = start(properties)) {
      Cache<String> products = container.select(Catalog.class).get().products();
      assertThat(products.get("p1")).isNull(); // bypass: a miss while Redis cannot be reached
      assertThat(products.getOrFetch("p1", () -> "from the database")).isEqualTo("from the database");
    }
  }
}
