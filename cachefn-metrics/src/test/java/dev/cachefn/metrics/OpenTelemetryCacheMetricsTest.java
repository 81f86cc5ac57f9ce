package dev.cachefn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.spi.CacheMetrics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryCacheMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
  private final CacheMetrics metrics =
      new OpenTelemetryCacheMetrics(provider.get(OpenTelemetryCacheMetrics.SCOPE), "shop");

  @AfterEach
  void close() {
    provider.close();
  }

  /** metric name -> value of the cache's point, from one collection. */
  private static Map<String, Number> pointsOf(Collection<MetricData> collected, String cache) {
    Map<String, Number> values = new TreeMap<>();
    for (MetricData metric : collected) {
      for (PointData point : metric.getData().getPoints()) {
        if (cache.equals(point.getAttributes().get(AttributeKey.stringKey("cachefn.cache.name")))) {
          assertThat(point.getAttributes().get(AttributeKey.stringKey("cachefn.application"))).isEqualTo("shop");
          values.put(metric.getName(), point instanceof io.opentelemetry.sdk.metrics.data.LongPointData l
              ? (Number) l.getValue() : ((io.opentelemetry.sdk.metrics.data.DoublePointData) point).getValue());
        }
      }
    }
    return values;
  }

  @Test
  void everyMeasureIsObservedAtCollectionTimeUnderItsSemanticConventionName() {
    Cache<String> users = CacheFn.<String>builder("users").maxSize(2).build();
    metrics.register(users);
    users.set("a", "1");
    users.get("a");
    users.get("a");
    users.get("a");
    users.get("b");
    users.set("b", "2");
    users.set("c", "3"); // evicts

    Collection<MetricData> collected = reader.collectAllMetrics();

    assertThat(pointsOf(collected, "users")).containsOnlyKeys("cachefn.cache.hits", "cachefn.cache.misses",
        "cachefn.cache.evictions", "cachefn.cache.expirations", "cachefn.cache.decode_failures",
        "cachefn.cache.refreshes", "cachefn.cache.refresh_failures", "cachefn.cache.stale_served",
        "cachefn.cache.fetch_timeouts", "cachefn.cache.size", "cachefn.cache.hit_ratio",
        "cachefn.cache.memory.usage");
    Map<String, Number> values = pointsOf(collected, "users");
    assertThat(values.get("cachefn.cache.hits").longValue()).isEqualTo(3);
    assertThat(values.get("cachefn.cache.misses").longValue()).isEqualTo(1);
    assertThat(values.get("cachefn.cache.evictions").longValue()).isEqualTo(1);
    assertThat(values.get("cachefn.cache.decode_failures").longValue()).isZero();
    assertThat(values.get("cachefn.cache.size").longValue()).isEqualTo(2);
    assertThat(values.get("cachefn.cache.hit_ratio").doubleValue()).isEqualTo(0.75);
    assertThat(values.get("cachefn.cache.memory.usage").longValue()).isPositive();
    assertThat(collected).filteredOn(m -> m.getName().equals("cachefn.cache.memory.usage"))
        .singleElement().satisfies(m -> assertThat(m.getUnit()).isEqualTo("By"));
    assertThat(collected).filteredOn(m -> m.getName().equals("cachefn.cache.hit_ratio"))
        .singleElement().satisfies(m -> assertThat(m.getUnit()).isEqualTo("1"));
  }

  @Test
  void everyMeasureReadsItsOwnFigureOfTheStatsWithItsInstrumentAndUnit() {
    metrics.register(FixedStatsCache.named("users"));

    Collection<MetricData> collected = reader.collectAllMetrics();

    assertThat(FixedStatsCache.EXPECTED).containsOnlyKeys(Measure.values());
    Map<String, Number> values = pointsOf(collected, "users");
    for (Measure measure : Measure.values()) {
      assertThat(values.get(measure.openTelemetryName)).as(measure.openTelemetryName).isNotNull();
      assertThat(values.get(measure.openTelemetryName).doubleValue()).as(measure.openTelemetryName)
          .isEqualTo(FixedStatsCache.EXPECTED.get(measure));
      MetricData metric = collected.stream().filter(m -> m.getName().equals(measure.openTelemetryName))
          .findFirst().orElseThrow();
      assertThat(metric.getUnit()).isEqualTo(measure.unit);
      assertThat(metric.getType()).as(measure.openTelemetryName).isEqualTo(switch (measure.kind) {
        case COUNTER, UP_DOWN -> MetricDataType.LONG_SUM;
        case GAUGE -> MetricDataType.DOUBLE_GAUGE;
      });
      if (metric.getType() == MetricDataType.LONG_SUM) {
        assertThat(metric.getLongSumData().isMonotonic()).as(measure.openTelemetryName)
            .isEqualTo(measure.kind == Measure.Kind.COUNTER);
      }
    }
    assertThat(values.get("cachefn.cache.decode_failures").longValue()).isEqualTo(29);
  }

  @Test
  void twoCachesReportApartAndAClosedRegistrationReportsNothing() {
    Cache<String> users = CacheFn.<String>builder("users").build();
    Cache<String> orders = CacheFn.<String>builder("orders").build();
    CacheMetrics.Registration usersRegistration = metrics.register(users);
    metrics.register(orders);
    orders.set("o", "1");

    assertThat(pointsOf(reader.collectAllMetrics(), "orders").get("cachefn.cache.size").longValue()).isEqualTo(1);

    usersRegistration.close();
    usersRegistration.close();
    Collection<MetricData> after = reader.collectAllMetrics();
    assertThat(pointsOf(after, "users")).isEmpty();
    assertThat(pointsOf(after, "orders")).hasSize(Measure.values().length);
  }

  @Test
  void aCacheClosedBeforeItsRegistrationIsSkippedNotFatal() {
    Cache<String> users = CacheFn.<String>builder("users").build();
    metrics.register(users);
    users.close();

    assertThat(pointsOf(reader.collectAllMetrics(), "users")).isEmpty();
  }
}
