package dev.cachefn.memory.internal;

/**
 * Told by a {@link MemoryEngine} about the entries it removed on its own, with the key as stored (a
 * {@code String} for a storage, any object for an {@link EngineEntryStore}). Called after the engine's lock is
 * released, on the thread that caused the removal; must not throw.
 */
interface EngineListener<V> {

  /** {@code key} was evicted to keep the engine within its size bound. */
  void evicted(Object key, V value);

  /** {@code key} was removed because its time-to-live ran out. */
  void expired(Object key, V value);
}
