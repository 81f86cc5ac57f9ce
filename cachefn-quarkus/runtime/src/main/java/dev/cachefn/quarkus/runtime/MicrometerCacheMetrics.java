package dev.cachefn.quarkus.runtime;

import dev.cachefn.Cache;
import dev.cachefn.spi.CacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The {@link CacheMetrics} bean the extension installs when the application has {@code quarkus-micrometer}
 * (with Prometheus, on {@code /q/metrics}): cachefn-metrics' Micrometer binding over Quarkus' registry, so the
 * meters and their names are those of {@link dev.cachefn.metrics.MicrometerCacheMetrics}. One application per
 * Quarkus process, so no {@code application} tag. Thread-safe.
 */
@Singleton
public class MicrometerCacheMetrics implements CacheMetrics {

  private final CacheMetrics binding;

  @Inject
  public MicrometerCacheMetrics(MeterRegistry registry) {
    this.binding = new dev.cachefn.metrics.MicrometerCacheMetrics(registry, null);
  }

  @Override
  public Registration register(Cache<?> cache) {
    return binding.register(cache);
  }
}
