package dev.cachefn.jcache.internal;

import java.util.Collection;
import java.util.Objects;

/**
 * The argument checks of one cache: keys and values must not be null and must be of the configured types.
 * A failure names the cache, the expected type and the type given.
 */
final class EntryChecks {

  private final String cacheName;
  private final Class<?> keyType;
  private final Class<?> valueType;

  EntryChecks(String cacheName, Class<?> keyType, Class<?> valueType) {
    this.cacheName = cacheName;
    this.keyType = keyType;
    this.valueType = valueType;
  }

  static void requireKey(Object key) {
    Objects.requireNonNull(key, "key must not be null");
  }

  static <V> V requireValue(V value) {
    return Objects.requireNonNull(value, "value must not be null");
  }

  static void requireKeys(Collection<?> keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    for (Object key : keys) {
      requireKey(key);
    }
  }

  /** Non-null, and of the configured types. */
  void requireEntry(Object key, Object value) {
    requireKey(key);
    requireValue(value);
    checkTypes(key, value);
  }

  void checkTypes(Object key, Object value) {
    if (!keyType.isInstance(key)) {
      throw new ClassCastException("cache " + cacheName + " holds keys of type " + keyType.getName()
          + ", got " + key.getClass().getName());
    }
    if (!valueType.isInstance(value)) {
      throw new ClassCastException("cache " + cacheName + " holds values of type " + valueType.getName()
          + ", got " + value.getClass().getName());
    }
  }
}
