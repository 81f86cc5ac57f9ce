package dev.cachefn.internal;

import dev.cachefn.CacheEventType;
import dev.cachefn.spi.RemovalListener;

/**
 * Turns a storage's own removals (evictions, expirations) into a cache's stats and events. The events of
 * removals caused by the store of a fetched value wait until that fetch has landed (see
 * {@link SingleFlight#afterStore}).
 *
 * @param <V> the type of the values
 */
final class StorageRemovals<V> implements RemovalListener<V> {

  private final EventDispatcher<V> events;
  private final Counter evictions = new Counter();
  private final Counter expirations = new Counter();

  StorageRemovals(EventDispatcher<V> events) {
    this.events = events;
  }

  @Override
  public void evicted(String key, V value) {
    evictions.increment();
    fire(CacheEventType.EVICTION, key, value);
  }

  @Override
  public void expired(String key, V value) {
    expirations.increment();
    fire(CacheEventType.EXPIRATION, key, value);
  }

  private void fire(CacheEventType type, String key, V value) {
    if (events.wants(type)) {
      SingleFlight.afterStore(() -> events.fireEntry(type, key, value));
    }
  }

  long evictions() {
    return evictions.sum();
  }

  long expirations() {
    return expirations.sum();
  }
}
