package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.HandManagedExecutor;
import dev.cachefn.cdi.beans.PriceService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Memoize(refreshAfter, staleIfError, negativeTtl)} and the {@code cachefn.cache.<name>.*} freshness keys
 * on Weld, with a fake clock and the container's managed executor driven by hand.
 */
class MemoizeFreshnessTest {

  private static CdiApp start(Map<String, String> config) {
    return CdiApp.start(config, PriceService.class, FakeTicker.class, HandManagedExecutor.class);
  }

  @Test
  void refreshAfterReturnsTheCachedResultAndRefreshesOnTheContainersExecutor() {
    try (CdiApp app = start(Map.of())) {
      PriceService prices = app.bean(PriceService.class);
      HandManagedExecutor executor = app.bean(HandManagedExecutor.class);

      assertThat(prices.price("a")).isEqualTo("a#1");
      app.bean(FakeTicker.class).advance(Duration.ofSeconds(30));
      assertThat(prices.price("a")).isEqualTo("a#1");
      assertThat(executor.queued()).isEqualTo(1);

      executor.runAll();
      assertThat(prices.price("a")).isEqualTo("a#2");
    }
  }

  @Test
  void staleIfErrorReturnsTheExpiredResultWhenTheMethodThrows() {
    try (CdiApp app = start(Map.of())) {
      PriceService service = app.bean(PriceService.class);
      service.stock("a");
      app.bean(FakeTicker.class).advance(Duration.ofMinutes(1));
      service.failing(true);

      assertThat(service.stock("a")).isEqualTo("a:5");
      app.bean(FakeTicker.class).advance(Duration.ofSeconds(30));
      assertThatThrownBy(() -> service.stock("a")).hasMessage("warehouse down");
    }
  }

  @Test
  void anEmptyOptionalIsRememberedForTheNegativeTtl() {
    try (CdiApp app = start(Map.of())) {
      PriceService service = app.bean(PriceService.class);

      assertThat(service.lookup("a")).isEqualTo(Optional.empty());
      assertThat(service.lookup("a")).isEqualTo(Optional.empty());
      assertThat(service.calls()).isEqualTo(1);
      app.bean(FakeTicker.class).advance(Duration.ofSeconds(10));
      service.lookup("a");
      assertThat(service.calls()).isEqualTo(2);
    }
  }

  @Test
  void theConfigurationGivesACacheFreshnessSettings() {
    try (CdiApp app = start(Map.of("cachefn.cache.configured.refresh-after", "20s",
        "cachefn.cache.configured.stale-while-revalidate", "1m"))) {
      PriceService service = app.bean(PriceService.class);
      HandManagedExecutor executor = app.bean(HandManagedExecutor.class);
      service.configured("a");

      app.bean(FakeTicker.class).advance(Duration.ofSeconds(90)); // past the TTL, within the stale window
      assertThat(service.configured("a")).isEqualTo("a#1");
      executor.runAll();
      assertThat(service.configured("a")).isEqualTo("a#2");
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "refresh-after          | soon | property cachefn.cache.configured.refresh-after must be an ISO-8601 duration",
      "stale-while-revalidate | 0s   | property cachefn.cache.configured.stale-while-revalidate must be a positive",
      "stale-if-error         | -1m  | property cachefn.cache.configured.stale-if-error must be an ISO-8601",
      "negative-ttl           | 1y   | property cachefn.cache.configured.negative-ttl must be an ISO-8601",
  })
  void aBadFreshnessValueFailsTheDeploymentNamingTheProperty(String key, String value, String message) {
    assertThatThrownBy(() -> start(Map.of("cachefn.cache.configured." + key, value)).close())
        .hasMessageContaining(message);
  }

  @Test
  void aConfiguredRefreshNotBeforeTheTtlFailsTheDeploymentNamingTheProperty() {
    assertThatThrownBy(() -> start(Map.of("cachefn.cache.configured.default-ttl", "1m",
        "cachefn.cache.configured.refresh-after", "1m")).close())
        .hasMessageContaining("property cachefn.cache.configured.refresh-after: refreshAfter (PT1M) must be"
            + " shorter than the ttl (PT1M)");
  }
}
