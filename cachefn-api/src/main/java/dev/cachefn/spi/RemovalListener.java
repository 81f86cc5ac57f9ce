package dev.cachefn.spi;

/**
 * Told by a storage about the entries it removed on its own. Called outside the storage's locks, on the
 * thread that caused the removal; it must not throw (the cache layer that receives it never does).
 *
 * @param <V> the type of the values
 */
public interface RemovalListener<V> {

  /** {@code key} was evicted to keep the keyspace within its size bound. */
  void evicted(String key, V value);

  /** {@code key} was removed because its time-to-live ran out. */
  void expired(String key, V value);
}
