package dev.cachefn.metrics;

import dev.cachefn.Cache;
import dev.cachefn.CacheStats;
import dev.cachefn.spi.CacheMetrics;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@link CacheMetrics} through an OpenTelemetry {@link Meter} (MicroProfile Telemetry 2, the OpenTelemetry
 * Java agent or SDK, Quarkus' {@code quarkus-opentelemetry}). Every instrument is asynchronous: one batch
 * callback per cache reads {@link Cache#stats()} once per collection, and nothing is added to the cache's read
 * path.
 *
 * <p>Instruments, with the attributes {@code cachefn.cache.name} (and {@code cachefn.application} when
 * given; the README lists every name and unit): counters ({@code cachefn.cache.hits}, {@code .misses},
 * {@code .evictions}, {@code .expirations}, {@code .decode_failures}), up-down counters
 * ({@code cachefn.cache.size}, {@code cachefn.cache.memory.usage} in {@code By}) and the gauge
 * {@code cachefn.cache.hit_ratio} ({@code 1}, from 0 to 1). Thread-safe.
 */
public final class OpenTelemetryCacheMetrics implements CacheMetrics {

  /** The instrumentation scope CacheFn's instruments belong to. */
  public static final String SCOPE = "dev.cachefn";

  private final Meter meter;
  private final @Nullable String application;
  private final Map<Measure, ObservableMeasurement> instruments = new EnumMap<>(Measure.class);

  /**
   * Reports through {@code meter} (get one with {@code openTelemetry.getMeter(}{@value #SCOPE}{@code )}).
   *
   * @param application sets {@code cachefn.application} on every measurement; {@code null} for none
   */
  public OpenTelemetryCacheMetrics(Meter meter, @Nullable String application) {
    this.meter = meter;
    this.application = application;
    for (Measure measure : Measure.values()) {
      instruments.put(measure, instrument(measure));
    }
  }

  private ObservableMeasurement instrument(Measure measure) {
    String name = measure.openTelemetryName;
    return switch (measure.kind) {
      case COUNTER -> meter.counterBuilder(name).setUnit(measure.unit)
          .setDescription(measure.description).buildObserver();
      case UP_DOWN -> meter.upDownCounterBuilder(name).setUnit(measure.unit)
          .setDescription(measure.description).buildObserver();
      case GAUGE -> meter.gaugeBuilder(name).setUnit(measure.unit)
          .setDescription(measure.description).buildObserver();
    };
  }

  @Override
  public Registration register(Cache<?> cache) {
    AttributesBuilder builder = Attributes.builder().put(Measure.CACHE_ATTRIBUTE, cache.name());
    if (application != null) {
      builder.put(Measure.APPLICATION_ATTRIBUTE, application);
    }
    Attributes attributes = builder.build();
    ObservableMeasurement[] all = instruments.values().toArray(ObservableMeasurement[]::new);
    BatchCallback callback = meter.batchCallback(() -> observe(cache, attributes), all[0],
        Arrays.copyOfRange(all, 1, all.length));
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        callback.close();
      }
    };
  }

  private void observe(Cache<?> cache, Attributes attributes) {
    CacheStats stats;
    try {
      stats = cache.stats();
    } catch (IllegalStateException closed) {
      return; // closed between the collection's start and this callback: nothing to report
    }
    instruments.forEach((measure, instrument) -> {
      if (measure.kind == Measure.Kind.GAUGE) {
        ((ObservableDoubleMeasurement) instrument).record(measure.read(stats), attributes);
      } else {
        ((ObservableLongMeasurement) instrument).record((long) measure.read(stats), attributes);
      }
    });
  }
}
