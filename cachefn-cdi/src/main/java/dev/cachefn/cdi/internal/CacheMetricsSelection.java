package dev.cachefn.cdi.internal;

import dev.cachefn.metrics.MetricsLibraries;
import dev.cachefn.metrics.MicroProfileCacheMetrics;
import dev.cachefn.metrics.MicrometerCacheMetrics;
import dev.cachefn.metrics.OpenTelemetryCacheMetrics;
import dev.cachefn.spi.CacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Chooses where cache metrics go, by what the application and the runtime offer, and says so in one INFO line:
 * an application's {@link CacheMetrics} bean; else MicroProfile Metrics (a {@code MetricRegistry} bean); else
 * Micrometer (a {@code MeterRegistry} bean); else OpenTelemetry (an {@code OpenTelemetry} bean, as MicroProfile
 * Telemetry 2 provides); else none. A library's classes are touched only after {@link MetricsLibraries} found
 * it, each in its own nested class, so the module runs without any of them.
 */
final class CacheMetricsSelection {

  private static final System.Logger LOG = System.getLogger(CacheMetricsSelection.class.getName());

  private CacheMetricsSelection() {}

  static CacheMetrics select(Instance<CacheMetrics> custom, Instance<Object> beans, @Nullable String application) {
    if (custom.isAmbiguous()) {
      throw new IllegalStateException("more than one CDI bean of type " + CacheMetrics.class.getName()
          + "; keep one, or mark the one to use @Alternative @Priority");
    }
    CacheMetrics chosen = null;
    String binding = null;
    if (custom.isResolvable()) {
      chosen = custom.get();
      binding = "the application's CacheMetrics bean " + chosen.getClass().getName();
    }
    if (chosen == null && MetricsLibraries.hasMicroProfileMetrics()) {
      chosen = MicroProfile.find(beans, application);
      binding = "MicroProfile Metrics";
    }
    if (chosen == null && MetricsLibraries.hasMicrometer()) {
      chosen = Micrometer.find(beans, application);
      binding = "Micrometer";
    }
    if (chosen == null && MetricsLibraries.hasOpenTelemetry()) {
      chosen = OpenTelemetryApi.find(beans, application);
      binding = "OpenTelemetry";
    }
    if (chosen == null) {
      LOG.log(System.Logger.Level.INFO, "CacheFn metrics: none reported; found no CacheMetrics bean and no"
          + " MicroProfile Metrics MetricRegistry, Micrometer MeterRegistry or OpenTelemetry bean");
      return CacheMetrics.none();
    }
    LOG.log(System.Logger.Level.INFO, "CacheFn metrics: reported through " + binding
        + (application == null ? "" : ", tagged application=" + application));
    return chosen;
  }

  /** Touches MicroProfile Metrics: loaded only when its API is present. */
  private static final class MicroProfile {
    static @Nullable CacheMetrics find(Instance<Object> beans, @Nullable String application) {
      Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
      return registries.isResolvable() ? new MicroProfileCacheMetrics(registries.get(), application) : null;
    }
  }

  /** Touches Micrometer: loaded only when it is present. */
  private static final class Micrometer {
    static @Nullable CacheMetrics find(Instance<Object> beans, @Nullable String application) {
      Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
      return registries.isResolvable() ? new MicrometerCacheMetrics(registries.get(), application) : null;
    }
  }

  /** Touches the OpenTelemetry API: loaded only when it is present. */
  private static final class OpenTelemetryApi {
    static @Nullable CacheMetrics find(Instance<Object> beans, @Nullable String application) {
      Instance<OpenTelemetry> telemetry = beans.select(OpenTelemetry.class);
      return telemetry.isResolvable()
          ? new OpenTelemetryCacheMetrics(telemetry.get().getMeter(OpenTelemetryCacheMetrics.SCOPE), application)
          : null;
    }
  }
}
