package dev.cachefn.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.CacheFn;
import dev.cachefn.cdi.CdiApp;
import dev.cachefn.cdi.NamedCaches;
import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.metrics.CacheMetrics;
import io.smallrye.metrics.legacyapi.LegacyMetricsExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics go where the class path and the container allow, and nowhere when there is no library. */
class CacheMetricsSelectionTest {

  @Test
  void withAMetricRegistryBeanMicroProfileMetricsIsUsed() {
    try (CdiApp app = CdiApp.start(Map.of(), List.<Extension>of(new LegacyMetricsExtension()), FakeTicker.class)) {
      assertThat(app.bean(CacheRegistry.class).metrics()).isInstanceOf(MicroProfileCacheMetrics.class);
    }
  }

  @Test
  void withoutAMetricsImplementationCachesWorkAndReportNothing() {
    try (CdiApp app = CdiApp.start(FakeTicker.class)) {
      CacheRegistry registry = app.bean(CacheRegistry.class);
      app.bean(NamedCaches.class).<String>get("users").set("k", "v");

      assertThat(registry.metrics()).isNotInstanceOf(MicroProfileCacheMetrics.class);
      assertThat(app.bean(NamedCaches.class).<String>get("users").get("k")).isEqualTo("v");
    }
  }

  @Test
  void aMissingApiIsDetectedWithoutLoadingIt() {
    assertThat(CacheMetricsSelection.isPresent(CacheMetricsSelection.MICROPROFILE_REGISTRY)).isTrue();
    assertThat(CacheMetricsSelection.isPresent("io.micrometer.nowhere.MeterRegistry")).isFalse();
  }

  @Test
  void noneRegistersNothingAndItsRegistrationClosesQuietly() {
    CacheMetrics.none().register(CacheFn.builder("x").build()).close();
  }
}
