package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.beans.RecordingCacheMetrics;
import dev.cachefn.cdi.beans.UserDirectory;
import dev.cachefn.cdi.beans.UserRepository;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an application on a shared server needs: its caches exist (with their metrics) from start-up, and a
 * server-wide setting meant for another application does not fail its deployment.
 */
class StartupAndSharedServerTest {

  private static final String OTHER_APPS_KEY = "cachefn.memoize.com.other.OrderService.find.ttl";

  @AfterEach
  void clearSystemProperty() {
    System.clearProperty(OTHER_APPS_KEY);
  }

  @Test
  void configuredAndInjectedCachesExistWithTheirMetricsBeforeTheFirstCall() {
    RecordingCacheMetrics.REGISTERED.clear();
    try (CdiApp app = CdiApp.start(Map.of("cachefn.cache.reports.max-size", "5"), UserDirectory.class,
        UserRepository.class, RecordingCacheMetrics.class)) {
      NamedCaches caches = app.bean(NamedCaches.class);

      assertThat(caches.names()).contains("reports", "users", "sessions");
      assertThat(caches.names()).as("the @Memoize caches too").hasSizeGreaterThan(3);
      assertThat(RecordingCacheMetrics.REGISTERED).containsAll(caches.names());
    }
  }

  @Test
  void aMemoizeKeyForAnotherApplicationSetAsSystemPropertyIsIgnored() {
    System.setProperty(OTHER_APPS_KEY, "1m");
    // the application's config sees the key, as MicroProfile Config's system-properties source would show it
    try (CdiApp app = CdiApp.start(Map.of(OTHER_APPS_KEY, "1m"), UserRepository.class)) {
      assertThat(app.bean(UserRepository.class).find("1", "t")).isNotNull();
    }
  }

  @Test
  void theSameKeyInTheApplicationsOwnConfigurationStillFailsTheDeployment() {
    assertThatThrownBy(() -> CdiApp.start(Map.of(OTHER_APPS_KEY, "1m"), UserRepository.class).close())
        .hasMessageContaining("property " + OTHER_APPS_KEY + " names no @Memoize method");
  }

  @Test
  void aServerWideCacheSettingDoesNotCreateTheCacheInEveryApplication() {
    String key = "cachefn.cache.orders.max-size";
    System.setProperty(key, "5");
    try (CdiApp app = CdiApp.start(Map.of(key, "5"), UserDirectory.class)) {
      assertThat(app.bean(NamedCaches.class).names()).doesNotContain("orders");
    } finally {
      System.clearProperty(key);
    }
  }
}
