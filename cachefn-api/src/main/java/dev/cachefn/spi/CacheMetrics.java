package dev.cachefn.spi;

import dev.cachefn.Cache;

/**
 * Reports the metrics of caches to a metrics library: the SPI between CacheFn and OpenTelemetry, Micrometer,
 * MicroProfile Metrics or anything else. It knows nothing of CDI: the bindings in {@code cachefn-metrics} take
 * their registry in a constructor, and {@code cachefn-cdi} picks one by what the runtime offers.
 *
 * <p>The owner of a cache calls {@link #register} once when it creates the cache, and closes the returned
 * {@link Registration} just before it closes the cache. What a binding reports, per cache: lookups that hit and
 * that missed, evictions and expirations (counters), the number of entries, the hit ratio and the estimated
 * memory of the entries (gauges), under the names its ecosystem expects (see each binding).
 *
 * <p>Implementations must be thread-safe, and cheap on the cache's read path: prefer instruments that read
 * {@link Cache#stats()} when collected over a listener per hit.
 */
public interface CacheMetrics {

  /**
   * Starts reporting the metrics of {@code cache}.
   *
   * @return what stops the reporting and removes the cache's metrics; called before the cache closes
   */
  Registration register(Cache<?> cache);

  /** Reports nothing: what to use when no metrics library is present. */
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
