package dev.cachefn.jcache.internal;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/** One change of one entry as a listener sees it. Immutable. */
final class JCacheEntryEvent<K, V> extends CacheEntryEvent<K, V> {

  private static final long serialVersionUID = 1L;

  private final K key;
  private final V value;
  private final transient V oldValue;
  private final boolean oldValueAvailable;

  JCacheEntryEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue, boolean oldValueAvailable) {
    super(source, type);
    this.key = key;
    this.value = value;
    this.oldValue = oldValueAvailable ? oldValue : null;
    this.oldValueAvailable = oldValueAvailable && oldValue != null;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public V getOldValue() {
    return oldValue;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValueAvailable;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    return Unwrapping.self(this, clazz, "a cache entry event");
  }

  @Override
  public String toString() {
    return "JCacheEntryEvent{" + getEventType() + ", key=" + key + "}";
  }
}
