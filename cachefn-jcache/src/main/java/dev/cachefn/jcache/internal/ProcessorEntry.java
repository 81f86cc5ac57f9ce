package dev.cachefn.jcache.internal;

import java.util.Objects;
import java.util.function.Function;
import javax.cache.processor.MutableEntry;

/**
 * The entry an {@code EntryProcessor} works on: it records what the processor did, and the cache applies only
 * the net result once the processor returns (set then remove on a missing key changes nothing, for example).
 * Used by one thread, while the cache holds the key's lock.
 */
final class ProcessorEntry<K, V> implements MutableEntry<K, V> {

  /** What the cache must do once the processor returned. */
  enum Outcome {
    /** Nothing to do. */
    NOTHING,
    /** The processor read an existing value: apply the access expiry. */
    ACCESSED,
    /** The value was loaded through read-through and kept: store it as a creation, without write-through. */
    LOADED,
    /** The processor set a value: write it through and store it. */
    WRITTEN,
    /** The processor removed an existing entry: delete it through and remove it. */
    REMOVED,
    /** The processor removed a missing entry: delete it through (the writer's store may hold it). */
    DELETED_ABSENT
  }

  private final K key;
  private final boolean existed;
  private final Function<K, V> loader;
  private V value;
  private boolean exists;
  private boolean accessed;
  private boolean loaded;
  private boolean loadTried;
  private boolean written;
  private boolean deleteOnly;

  /** @param loader loads a missing value for read-through, or {@code null} without read-through */
  ProcessorEntry(K key, V value, Function<K, V> loader) {
    this.key = key;
    this.value = value;
    this.existed = value != null;
    this.exists = existed;
    this.loader = loader;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    if (exists) {
      accessed = true;
    } else if (loader != null && !loadTried && !written) {
      loadTried = true;
      V loadedValue = loader.apply(key);
      if (loadedValue != null) {
        value = loadedValue;
        exists = true;
        loaded = true;
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return exists;
  }

  @Override
  public void remove() {
    deleteOnly = !existed && !written && !loaded;
    value = null;
    exists = false;
    written = false;
    loaded = false;
    loadTried = true;
  }

  @Override
  public void setValue(V newValue) {
    value = Objects.requireNonNull(newValue, "value must not be null");
    exists = true;
    written = true;
    deleteOnly = false;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    return Unwrapping.self(this, clazz, "a mutable entry");
  }

  V value() {
    return value;
  }

  Outcome outcome() {
    if (exists && written) {
      return Outcome.WRITTEN;
    }
    if (!exists) {
      if (existed) {
        return Outcome.REMOVED;
      }
      return deleteOnly ? Outcome.DELETED_ABSENT : Outcome.NOTHING;
    }
    if (loaded) {
      return Outcome.LOADED;
    }
    return accessed ? Outcome.ACCESSED : Outcome.NOTHING;
  }
}
