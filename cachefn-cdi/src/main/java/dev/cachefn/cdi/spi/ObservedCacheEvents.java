package dev.cachefn.cdi.spi;

import dev.cachefn.CacheEventType;

/**
 * Which cache events the application observes, so that a cache delivers to CDI only the kinds some observer
 * wants: the rest cost nothing. On Weld the portable extension collects the observers while the container
 * starts; a runtime that builds the application ahead of time (the Quarkus extension) provides a bean of this
 * type from the observers it found at build time. Without either, every kind is delivered.
 *
 * <p>Called from any thread, often (at least once per cache and kind); an implementation answers from what it
 * collected, without locking.
 */
public interface ObservedCacheEvents {

  /** Whether a synchronous ({@code async} false) or asynchronous observer wants events of this kind and cache. */
  boolean wanted(String cacheName, CacheEventType kind, boolean async);
}
