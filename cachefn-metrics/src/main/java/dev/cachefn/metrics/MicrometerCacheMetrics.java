package dev.cachefn.metrics;

import dev.cachefn.Cache;
import dev.cachefn.spi.CacheMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@link CacheMetrics} in a Micrometer {@link MeterRegistry}. Every meter reads {@link Cache#stats()} when the
 * registry is scraped: nothing is added to the cache's read path.
 *
 * <p>Meters, tagged {@code cache=<name>} (and {@code application=<name>} when given; the README lists every
 * name): the counts are {@code FunctionCounter}s ({@code cachefn.cache.hits}, {@code .misses},
 * {@code .evictions}, {@code .expirations}, {@code .decode.failures}; {@code cachefn_cache_hits_total}, ... in
 * Prometheus output), the rest gauges ({@code cachefn.cache.size}, {@code cachefn.cache.hit.ratio} from 0 to 1,
 * {@code cachefn.cache.memory} in bytes of the live entries: {@code cachefn_cache_memory_bytes}). Thread-safe.
 */
public final class MicrometerCacheMetrics implements CacheMetrics {

  private final MeterRegistry registry;
  private final Tags applicationTags;

  /**
   * Reports to {@code registry}.
   *
   * @param application tags every meter {@code application=<name>}; {@code null} for none
   */
  public MicrometerCacheMetrics(MeterRegistry registry, @Nullable String application) {
    this.registry = registry;
    this.applicationTags = application == null ? Tags.empty() : Tags.of(Measure.APPLICATION_TAG, application);
  }

  @Override
  public Registration register(Cache<?> cache) {
    Tags tags = applicationTags.and(Measure.CACHE_TAG, cache.name());
    List<Meter> meters = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      removeLeftOver(measure.name, tags);
      if (measure.kind == Measure.Kind.COUNTER) {
        meters.add(FunctionCounter.builder(measure.name, cache, c -> measure.read(c.stats())).tags(tags)
            .description(measure.description).register(registry));
      } else {
        meters.add(Gauge.builder(measure.name, cache, c -> measure.read(c.stats())).tags(tags)
            .baseUnit(measure.inBytes() ? BaseUnits.BYTES : null)
            .description(measure.description).register(registry));
      }
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        meters.forEach(registry::remove);
      }
    };
  }

  /** Removes a meter left by an earlier cache of the same name: Micrometer would hand it back, reading a closed cache. */
  private void removeLeftOver(String name, Tags tags) {
    registry.find(name).tags(tags).meters().forEach(registry::remove);
  }
}
