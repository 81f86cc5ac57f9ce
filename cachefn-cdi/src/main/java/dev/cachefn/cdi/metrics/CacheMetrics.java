package dev.cachefn.cdi.metrics;

import dev.cachefn.Cache;

/**
 * Reports the metrics of named caches to a metrics library: the SPI between the CDI layer and MicroProfile
 * Metrics, Micrometer or anything else.
 *
 * <p>The CDI layer calls {@link #register} once for every cache it creates, and closes the returned
 * {@link Registration} just before it closes the cache, at the latest when the container shuts down. Which
 * implementation it uses, in this order:
 * <ol>
 *   <li>a CDI bean of type {@code CacheMetrics}, if the application (or a runtime integration, such as a
 *       Quarkus extension reporting to Micrometer) defines one;
 *   <li>the MicroProfile Metrics 5 implementation, if the MicroProfile Metrics API is on the class path and
 *       the container has a {@code MetricRegistry} bean;
 *   <li>{@link #none()}.
 * </ol>
 *
 * <p>Every implementation reports, per cache and tagged {@value #CACHE_TAG}{@code =<cache name>}, the counters
 * {@value #HITS}, {@value #MISSES}, {@value #EVICTIONS} and {@value #EXPIRATIONS}, and the gauges
 * {@value #SIZE} (entries), {@value #HIT_RATE} (percent of lookups that hit, 0 before the first) and
 * {@value #MEMORY} (the storage's estimate). The counters and the hit rate come from
 * {@link Cache#stats()} or from the cache's events; a cache configured with {@code stats-enabled=false}
 * reports a hit rate of 0.
 *
 * <p>Implementations must be thread-safe, and cheap on the cache's read path: prefer counters that read
 * {@link Cache#stats()} when scraped (Micrometer's {@code FunctionCounter}) over a listener per hit.
 */
public interface CacheMetrics {

  /** The tag that names the cache on every metric. */
  String CACHE_TAG = "cache";
  /** Counter: lookups that found a value. */
  String HITS = "cachefn.cache.hits";
  /** Counter: lookups that found nothing. */
  String MISSES = "cachefn.cache.misses";
  /** Counter: entries removed to respect the cache's maximum size. */
  String EVICTIONS = "cachefn.cache.evictions";
  /** Counter: entries removed because their time-to-live ran out. */
  String EXPIRATIONS = "cachefn.cache.expirations";
  /** Gauge: the number of entries. */
  String SIZE = "cachefn.cache.size";
  /** Gauge: hits in percent of lookups. */
  String HIT_RATE = "cachefn.cache.hit.rate";
  /** Gauge: the estimated bytes the entries take. */
  String MEMORY = "cachefn.cache.memory.bytes";

  /**
   * Starts reporting the metrics of {@code cache}.
   *
   * @return what stops the reporting and removes the cache's metrics; called before the cache closes
   */
  Registration register(Cache<?> cache);

  /** Reports nothing: what the CDI layer uses when no metrics library is present. */
  static CacheMetrics none() {
    return cache -> () -> {};
  }

  /** The metrics of one cache, reported until {@link #close()}. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {

    /** Stops reporting and removes the cache's metrics; idempotent, throws nothing. */
    @Override
    void close();
  }
}
