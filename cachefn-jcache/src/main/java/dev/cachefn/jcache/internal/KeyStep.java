package dev.cachefn.jcache.internal;

/**
 * One step of a cache operation on one key, run by {@link EntryTable#compute} under that key's lock with the
 * key's live entry: the answer becomes the key's entry ({@code null}: none).
 */
@FunctionalInterface
interface KeyStep<K, V> {

  /** {@code live} is the key's unexpired entry or {@code null}; {@code now} is the ticker time of the step. */
  StoredEntry<V> apply(K key, StoredEntry<V> live, long now);
}
