package dev.cachefn.jcache.internal;

import java.util.Objects;
import javax.cache.Cache;

/** A key and value handed out by a cache's iterator or to a cache writer. Immutable. */
public final class JCacheEntry<K, V> implements Cache.Entry<K, V> {

  private final K key;
  private final V value;

  JCacheEntry(K key, V value) {
    this.key = key;
    this.value = value;
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
  public <T> T unwrap(Class<T> clazz) {
    return Unwrapping.self(this, clazz, "a cache entry");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JCacheEntry<?, ?> other && key.equals(other.key) && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
