package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.HandManagedExecutor;
import dev.cachefn.cdi.beans.PriceService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cachefn.default.refresh-after|stale-while-revalidate|stale-if-error|negative-ttl}: freshness settings for
 * every cache that does not set the key itself, on Weld with a fake clock; bad values fail the deployment naming
 * the default's property.
 */
class DefaultFreshnessSettingsTest {

  private static CdiApp start(Map<String, String> config) {
    return CdiApp.start(config, PriceService.class, FakeTicker.class, HandManagedExecutor.class);
  }

  @Test
  void aDefaultStaleWhileRevalidateWindowAppliesToACacheWithoutOne() {
    try (CdiApp app = start(Map.of("cachefn.default.stale-while-revalidate", "1m"))) {
      PriceService service = app.bean(PriceService.class);
      service.configured("a");

      app.bean(FakeTicker.class).advance(Duration.ofSeconds(90)); // 30 s past the method's 1 m TTL
      assertThat(service.configured("a")).as("stale, within the default window").isEqualTo("a#1");
      app.bean(HandManagedExecutor.class).runAll();
      assertThat(service.configured("a")).as("refreshed").isEqualTo("a#2");
    }
  }

  @Test
  void aCachesOwnSettingWinsOverTheDefault() {
    try (CdiApp app = start(Map.of("cachefn.default.stale-while-revalidate", "1m",
        "cachefn.cache.configured.stale-while-revalidate", "10s"))) {
      PriceService service = app.bean(PriceService.class);
      service.configured("a");

      app.bean(FakeTicker.class).advance(Duration.ofSeconds(90)); // past its own 10 s window
      assertThat(service.configured("a")).as("fetched again, not served stale").isEqualTo("a#2");
      assertThat(app.bean(HandManagedExecutor.class).queued()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "refresh-after          | soon | property cachefn.default.refresh-after must be an ISO-8601 duration",
      "stale-while-revalidate | 0s   | property cachefn.default.stale-while-revalidate must be a positive duration",
      "stale-if-error         | -1m  | property cachefn.default.stale-if-error must be an ISO-8601 duration",
      "negative-ttl           | 10   | property cachefn.default.negative-ttl must be an ISO-8601 duration",
  })
  void aBadDefaultFailsTheDeploymentNamingTheProperty(String key, String value, String message) {
    assertThatThrownBy(() -> start(Map.of("cachefn.default." + key, value)).close())
        .hasMessageContaining("CacheFn configuration: ")
        .hasMessageContaining(message);
  }

  @Test
  void aDefaultRefreshAfterNotShorterThanACachesTtlNamesTheDefaultProperty() {
    assertThatThrownBy(() -> start(Map.of("cachefn.default.refresh-after", "1m",
        "cachefn.cache.configured.default-ttl", "1m")).close())
        .hasMessageContaining("property cachefn.default.refresh-after: refreshAfter (PT1M) must be shorter than"
            + " the ttl (PT1M)");
  }
}
