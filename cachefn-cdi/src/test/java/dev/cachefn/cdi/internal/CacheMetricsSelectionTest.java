package dev.cachefn.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.CacheFn;
import dev.cachefn.cdi.CdiApp;
import dev.cachefn.cdi.NamedCaches;
import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.MicrometerBeans;
import dev.cachefn.cdi.beans.OpenTelemetryBeans;
import dev.cachefn.cdi.beans.UserDirectory;
import dev.cachefn.metrics.MicroProfileCacheMetrics;
import dev.cachefn.metrics.MicrometerCacheMetrics;
import dev.cachefn.metrics.OpenTelemetryCacheMetrics;
import dev.cachefn.spi.CacheMetrics;
import io.opentelemetry.api.common.AttributeKey;
import io.smallrye.metrics.legacyapi.LegacyMetricsExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
  void withAMeterRegistryBeanMicrometerIsUsedTaggedWithTheConfiguredApplication() {
    Map<String, String> config = Map.of(CacheRegistry.APPLICATION_PROPERTY, "shop");
    try (CdiApp app = CdiApp.start(config, UserDirectory.class, MicrometerBeans.class)) {
      assertThat(app.bean(CacheRegistry.class).metrics()).isInstanceOf(MicrometerCacheMetrics.class);
      assertThat(MicrometerBeans.REGISTRY.find("cachefn.cache.size").tags("cache", "users", "application", "shop")
          .gauge()).as("made at start-up, before any use").isNotNull();
    }
    assertThat(MicrometerBeans.REGISTRY.find("cachefn.cache.size").tags("cache", "users").gauge())
        .as("removed at shutdown").isNull();
  }

  @Test
  void withAnOpenTelemetryBeanTheInstrumentsAreObservedFromStartUp() {
    try (CdiApp app = CdiApp.start(UserDirectory.class, OpenTelemetryBeans.class)) {
      assertThat(app.bean(CacheRegistry.class).metrics()).isInstanceOf(OpenTelemetryCacheMetrics.class);
      Set<String> caches = OpenTelemetryBeans.READER.collectAllMetrics().stream()
          .filter(metric -> metric.getName().equals("cachefn.cache.size"))
          .flatMap(metric -> metric.getData().getPoints().stream())
          .map(point -> point.getAttributes().get(AttributeKey.stringKey("cachefn.cache.name")))
          .collect(Collectors.toSet());
      assertThat(caches).contains("users", "sessions");
    }
  }

  @Test
  void withoutAMetricsImplementationCachesWorkAndReportNothing() {
    try (CdiApp app = CdiApp.start(FakeTicker.class)) {
      CacheRegistry registry = app.bean(CacheRegistry.class);
      app.bean(NamedCaches.class).<String>get("users").set("k", "v");

      assertThat(registry.metrics()).isNotInstanceOfAny(MicroProfileCacheMetrics.class, MicrometerCacheMetrics.class,
          OpenTelemetryCacheMetrics.class);
      assertThat(app.bean(NamedCaches.class).<String>get("users").get("k")).isEqualTo("v");
    }
  }

  @Test
  void noneRegistersNothingAndItsRegistrationClosesQuietly() {
    CacheMetrics.none().register(CacheFn.builder("x").build()).close();
  }
}
