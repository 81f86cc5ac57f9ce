package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.beans.BlankCacheName;
import dev.cachefn.cdi.beans.UserDirectory;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A bad setting fails the deployment, with a message that names the property and what is allowed. */
class ConfigurationFailureTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "cachefn.cache.users.max-size    | -1         | must be a whole number of at least 1; got '-1'",
      "cachefn.cache.users.max-size    | many       | must be a whole number of at least 1; got 'many'",
      "cachefn.cache.users.default-ttl | 10 minutes | must be an ISO-8601 duration such as PT10M",
      "cachefn.cache.users.default-ttl | 0s         | must be a positive duration; got '0s'",
      "cachefn.cache.users.storage     | redis      | names no known storage; got 'redis', available: [memory]",
      "cachefn.cache.users.stats-enabled      | yes        | must be true or false; got 'yes'",
      "cachefn.cache.users.namespace   | ' '        | must not be blank",
      "cachefn.cache.users.eviction-policy | lfu    | must be one of [lru, adaptive-frequency]; got 'lfu'",
      "cachefn.default.eviction-policy | random    | must be one of [lru, adaptive-frequency]; got 'random'",
      "cachefn.cache.users.fetch-timeout | never   | must be an ISO-8601 duration such as PT10M",
      "cachefn.cache.users.fetch-timeout | 0ms     | must be a positive duration; got '0ms'",
      "cachefn.default.fetch-timeout  | PT0S       | must be a positive duration; got 'PT0S'",
      "cachefn.cache.users.distributed-single-flight | yes | must be true or false; got 'yes'",
      "cachefn.default.distributed-single-flight | on | must be true or false; got 'on'",
      "cachefn.cache.users.max-sise    | 10         | a cache is configured with cachefn.cache.<name>.<key>",
      "cachefn.default.max-size       | 0          | must be a whole number of at least 1; got '0'",
      "cachefn.default.default-ttl    | soon       | must be an ISO-8601 duration such as PT10M",
      "cachefn.default.namespace      | shared     | the defaults of all caches are cachefn.default.<key>",
      // a cache that only the configuration mentions is checked too
      "cachefn.cache.reports.stats-enabled    | on         | must be true or false; got 'on'",
  })
  void aBadPropertyFailsTheDeploymentNamingIt(String property, String value, String message) {
    assertThatThrownBy(() -> CdiApp.start(Map.of(property, value), UserDirectory.class).close())
        .hasMessageContaining("CacheFn configuration: ")
        .hasMessageContaining(property.startsWith("cachefn.default.n") || property.endsWith("max-sise")
            ? "unknown property " + property : "property " + property)
        .hasMessageContaining(message);
  }

  @Test
  void aBlankCacheNameFailsTheDeployment() {
    assertThatThrownBy(() -> CdiApp.start(BlankCacheName.class).close())
        .hasMessageContaining("@CacheName must name a cache, but is blank at")
        .hasMessageContaining("BlankCacheName");
  }
}
