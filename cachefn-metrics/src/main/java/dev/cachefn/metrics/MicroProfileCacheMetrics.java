package dev.cachefn.metrics;

import dev.cachefn.Cache;
import dev.cachefn.Subscription;
import dev.cachefn.spi.CacheMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.jspecify.annotations.Nullable;

/**
 * {@link CacheMetrics} in a MicroProfile Metrics {@link MetricRegistry} (the application registry of MicroProfile
 * Metrics 5; the calls used exist in 4 too).
 *
 * <p>The metrics have the Micrometer names (the README lists them). MicroProfile Metrics has no counter that
 * reads a function, so the counters of cache events ({@code cachefn.cache.hits}, {@code .misses},
 * {@code .evictions}, {@code .expirations}) are incremented by listeners on those events (a small cost per
 * lookup); the other counters ({@code cachefn.cache.decode.failures}) and the gauges ({@code cachefn.cache.size},
 * {@code cachefn.cache.hit.ratio} from 0 to 1, {@code cachefn.cache.memory} in bytes) are gauges that read
 * {@link Cache#stats()} when scraped. Tagged {@code cache=<name>}, and {@code application=<name>} when given.
 * Thread-safe.
 */
public final class MicroProfileCacheMetrics implements CacheMetrics {

  private final MetricRegistry registry;
  private final @Nullable String application;

  /**
   * Reports to {@code registry}.
   *
   * @param application tags every metric {@code application=<name>}; {@code null} for none
   */
  public MicroProfileCacheMetrics(MetricRegistry registry, @Nullable String application) {
    this.registry = registry;
    this.application = application;
  }

  @Override
  public Registration register(Cache<?> cache) {
    Tag[] tags = application == null
        ? new Tag[] {new Tag(Measure.CACHE_TAG, cache.name())}
        : new Tag[] {new Tag(Measure.CACHE_TAG, cache.name()), new Tag(Measure.APPLICATION_TAG, application)};
    List<MetricID> ids = new ArrayList<>();
    List<Subscription> subscriptions = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      MetricID id = new MetricID(measure.name, tags);
      // one left by an earlier cache of the same name (a registry can outlive a container) would read a closed cache
      registry.remove(id);
      Metadata metadata = Metadata.builder().withName(measure.name).withDescription(measure.description)
          .withUnit(measure.inBytes() ? MetricUnits.BYTES : MetricUnits.NONE).build();
      if (measure.event != null) {
        Counter counter = registry.counter(metadata, tags);
        subscriptions.add(cache.on(measure.event, event -> counter.inc()));
      } else {
        registry.gauge(metadata, cache, c -> measure.read(c.stats()), tags);
      }
      ids.add(id);
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        subscriptions.forEach(Subscription::close);
        ids.forEach(registry::remove);
      }
    };
  }
}
