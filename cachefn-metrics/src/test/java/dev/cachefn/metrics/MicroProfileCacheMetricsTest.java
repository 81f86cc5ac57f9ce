package dev.cachefn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.spi.CacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.metrics.legacyapi.LegacyMetricRegistryAdapter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

/** The MicroProfile Metrics binding on SmallRye Metrics 5; counting by events is tested in cachefn-cdi. */
class MicroProfileCacheMetricsTest {

  private final MetricRegistry registry =
      new LegacyMetricRegistryAdapter(MetricRegistry.APPLICATION_SCOPE, new SimpleMeterRegistry());

  private static MetricID id(Measure measure) {
    return new MetricID(measure.name, new Tag("cache", "users"), new Tag("application", "shop"));
  }

  @Test
  void eventCountsAreCountersAndEveryOtherMeasureAGaugeReadingItsOwnFigure() {
    CacheMetrics.Registration registration =
        new MicroProfileCacheMetrics(registry, "shop").register(FixedStatsCache.named("users"));

    assertThat(FixedStatsCache.EXPECTED).containsOnlyKeys(Measure.values());
    for (Measure measure : Measure.values()) {
      if (measure.event != null) {
        assertThat(registry.getCounter(id(measure))).as(measure.name).isNotNull();
      } else {
        assertThat(registry.getGauge(id(measure))).as(measure.name).isNotNull();
        assertThat(registry.getGauge(id(measure)).getValue().doubleValue()).as(measure.name)
            .isEqualTo(FixedStatsCache.EXPECTED.get(measure));
      }
    }
    assertThat(registry.getGauge(id(Measure.DECODE_FAILURES)).getValue().longValue()).isEqualTo(29);
    assertThat(registry.getMetadata(Measure.MEMORY.name).unit()).hasValue("bytes");

    registration.close();
    assertThat(registry.getMetricIDs()).isEmpty();
  }
}
