package dev.cachefn.jcache.internal;

import javax.cache.Cache;

/**
 * A key and value handed out by a cache's iterator or to a cache writer. Immutable; equal to another entry of
 * the same key and value. The components are named after the {@link Cache.Entry} getters they implement.
 *
 * @param getKey the key
 * @param getValue the value
 */
record JCacheEntry<K, V>(K getKey, V getValue) implements Cache.Entry<K, V> {

  @Override
  public <T> T unwrap(Class<T> clazz) {
    return Unwrapping.self(this, clazz, "a cache entry");
  }

  @Override
  public String toString() {
    return getKey + "=" + getValue;
  }
}
