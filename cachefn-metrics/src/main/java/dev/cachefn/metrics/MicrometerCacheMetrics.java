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
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@link CacheMetrics} in a Micrometer {@link MeterRegistry}. Every meter reads {@link Cache#stats()} when the
 * registry is scraped: nothing is added to the cache's read path.
 *
 * <p>Meters, tagged {@code cache=<name>} (and {@code application=<name>} when given; the README lists every
 * name): the counts are {@code FunctionCounter}s ({@code cachefn.cache.hits}, {@code .misses},
 * {@code .evictions}, {@code .expirations}, {@code .decode.failures}; {@code cachefn_cache_hits_total}, ... in
 * Prometheus output), the rest gauges ({@code cachefn.cache.size}, {@code cachefn.cache.hit.ratio} from 0 to 1,
 * {@code cachefn.cache.memory} in bytes of the live entries: {@code cachefn_cache_memory_bytes}). A registry that
 * cannot find the meters its own builders registered (WildFly 39's per-deployment registry, which exports only
 * what its plain calls register) gets the meters through those calls, without descriptions, and the memory gauge
 * as {@code cachefn.cache.memory.bytes} (the same Prometheus name). Thread-safe.
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
      meters.add(register(measure, cache, tags));
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        meters.forEach(registry::remove);
      }
    };
  }

  private Meter register(Measure measure, Cache<?> cache, Tags tags) {
    ToDoubleFunction<Cache<?>> reading = c -> measure.read(c.stats());
    removeLeftOver(measure.name, tags);
    Meter meter = measure.kind == Measure.Kind.COUNTER
        ? FunctionCounter.builder(measure.name, cache, reading).tags(tags).description(measure.description)
            .register(registry)
        : Gauge.builder(measure.name, cache, reading).tags(tags).description(measure.description)
            .baseUnit(measure.inBytes() ? BaseUnits.BYTES : null).register(registry);
    if (registry.find(measure.name).tags(tags).meters().contains(meter)) {
      return meter;
    }
    // The registry cannot find what its builders registered: a wrapper that passes only its plain calls on to
    // the registry that is exported (WildFly 39's per-deployment registry keeps builders' meters to itself, and
    // its /prometheus never shows them). Register through those calls, which take no unit or description; the
    // unit goes into the name, so that the Prometheus series keeps its name (cachefn_cache_memory_bytes).
    registry.remove(meter);
    String name = measure.inBytes() ? measure.name + "." + BaseUnits.BYTES : measure.name;
    removeLeftOver(name, tags);
    if (measure.kind == Measure.Kind.COUNTER) {
      return registry.more().counter(name, tags, cache, reading);
    }
    registry.gauge(name, tags, cache, reading);
    Gauge gauge = registry.find(name).tags(tags).gauge();
    return gauge != null ? gauge : meter; // not found either way: a filter denied or renamed it, say
  }

  /** Removes a meter left by an earlier cache of the same name: Micrometer would hand it back, reading a closed cache. */
  private void removeLeftOver(String name, Tags tags) {
    registry.find(name).tags(tags).meters().forEach(registry::remove);
  }
}
