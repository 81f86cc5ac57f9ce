package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheEventType;
import dev.cachefn.Subscription;
import dev.cachefn.cdi.metrics.CacheMetrics;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.jspecify.annotations.Nullable;

/**
 * {@link CacheMetrics} in the application {@link MetricRegistry} of MicroProfile Metrics 5.
 *
 * <p>MicroProfile Metrics 5 has no counter that reads a function, so the four counters are incremented by
 * listeners on the cache's {@code HIT}, {@code MISS}, {@code EVICTION} and {@code EXPIRATION} events; the
 * gauges read {@link Cache#stats()} when scraped. Loaded only when the MicroProfile Metrics API is on the
 * class path (see {@link CacheMetricsSelection}).
 */
final class MicroProfileCacheMetrics implements CacheMetrics {

  private final MetricRegistry registry;

  private MicroProfileCacheMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  /** Reports to the container's application {@link MetricRegistry}, or returns {@code null} if it has none. */
  static @Nullable CacheMetrics of(Instance<Object> beans) {
    Instance<MetricRegistry> registries = beans.select(MetricRegistry.class);
    return registries.isResolvable() ? new MicroProfileCacheMetrics(registries.get()) : null;
  }

  @Override
  public Registration register(Cache<?> cache) {
    Tag tag = new Tag(CACHE_TAG, cache.name());
    List<MetricID> ids = new ArrayList<>();
    List<Subscription> subscriptions = new ArrayList<>();
    counter(cache, CacheEventType.HIT, HITS, "Lookups that found a value", tag, ids, subscriptions);
    counter(cache, CacheEventType.MISS, MISSES, "Lookups that found nothing", tag, ids, subscriptions);
    counter(cache, CacheEventType.EVICTION, EVICTIONS, "Entries removed to respect the maximum size", tag, ids,
        subscriptions);
    counter(cache, CacheEventType.EXPIRATION, EXPIRATIONS, "Entries removed because their time-to-live ran out",
        tag, ids, subscriptions);
    gauge(cache, SIZE, "Entries in the cache", MetricUnits.NONE, Cache::size, tag, ids);
    gauge(cache, HIT_RATE, "Hits in percent of lookups", MetricUnits.PERCENT, c -> c.stats().hitRate(), tag, ids);
    gauge(cache, MEMORY, "Estimated bytes the entries take", MetricUnits.BYTES,
        c -> c.stats().memoryUsageBytes(), tag, ids);
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        subscriptions.forEach(Subscription::close);
        ids.forEach(registry::remove);
      }
    };
  }

  private void counter(Cache<?> cache, CacheEventType type, String name, String description, Tag tag,
      List<MetricID> ids, List<Subscription> subscriptions) {
    MetricID id = fresh(name, tag);
    Counter counter = registry.counter(
        Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.NONE).build(), tag);
    ids.add(id);
    subscriptions.add(cache.on(type, event -> counter.inc()));
  }

  private <T extends Cache<?>> void gauge(T cache, String name, String description, String unit,
      Function<T, Number> value, Tag tag, List<MetricID> ids) {
    MetricID id = fresh(name, tag);
    registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(), cache,
        value, tag);
    ids.add(id);
  }

  /**
   * The id of a metric about to be registered, after removing one left by an earlier cache of the same name
   * (a registry can outlive a container, in tests and on some servers): its gauges would read a closed cache.
   */
  private MetricID fresh(String name, Tag tag) {
    MetricID id = new MetricID(name, tag);
    registry.remove(id);
    return id;
  }
}
