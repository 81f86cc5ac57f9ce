package dev.cachefn.quarkus.runtime;

import dev.cachefn.Cache;
import dev.cachefn.cdi.metrics.CacheMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link CacheMetrics} in Micrometer's {@link MeterRegistry}: what the extension installs when the application
 * has {@code quarkus-micrometer} (with Prometheus, on {@code /q/metrics}).
 *
 * <p>The four counters are {@link FunctionCounter}s and the three gauges {@link Gauge}s, all reading
 * {@link Cache#stats()} when scraped: nothing is added to the cache's read path. Names and the
 * {@value CacheMetrics#CACHE_TAG} tag are those of {@link CacheMetrics}, the same as with MicroProfile Metrics.
 * Thread-safe.
 */
@Singleton
public class MicrometerCacheMetrics implements CacheMetrics {

  private final MeterRegistry registry;

  @Inject
  public MicrometerCacheMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Registration register(Cache<?> cache) {
    Tags tags = Tags.of(CACHE_TAG, cache.name());
    List<Meter> meters = new ArrayList<>();
    meters.add(FunctionCounter.builder(HITS, cache, c -> c.stats().hits()).tags(tags)
        .description("Lookups that found a value").register(fresh(HITS, tags)));
    meters.add(FunctionCounter.builder(MISSES, cache, c -> c.stats().misses()).tags(tags)
        .description("Lookups that found nothing").register(fresh(MISSES, tags)));
    meters.add(FunctionCounter.builder(EVICTIONS, cache, c -> c.stats().evictions()).tags(tags)
        .description("Entries removed to respect the maximum size").register(fresh(EVICTIONS, tags)));
    meters.add(FunctionCounter.builder(EXPIRATIONS, cache, c -> c.stats().expirations()).tags(tags)
        .description("Entries removed because their time-to-live ran out").register(fresh(EXPIRATIONS, tags)));
    meters.add(Gauge.builder(SIZE, cache, Cache::size).tags(tags)
        .description("Entries in the cache").register(fresh(SIZE, tags)));
    meters.add(Gauge.builder(HIT_RATE, cache, c -> c.stats().hitRate()).tags(tags)
        .description("Hits in percent of lookups").register(fresh(HIT_RATE, tags)));
    meters.add(Gauge.builder(MEMORY, cache, c -> c.stats().memoryUsageBytes()).tags(tags).baseUnit(BaseUnits.BYTES)
        .description("Estimated bytes the entries take").register(fresh(MEMORY, tags)));
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        meters.forEach(registry::remove);
      }
    };
  }

  /**
   * The registry, after removing a meter left by an earlier cache of the same name: Micrometer would hand
   * that one back, and it reads a closed cache.
   */
  private MeterRegistry fresh(String name, Tags tags) {
    registry.find(name).tags(tags).meters().forEach(registry::remove);
    return registry;
  }
}
