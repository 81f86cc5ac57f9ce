package dev.cachefn.spi;

/**
 * A place where caches keep their entries: the in-memory engine, or a remote server shared by several
 * application instances. A storage is divided into namespaces; each cache works in one
 * {@link Keyspace}, and keyspaces of different namespaces never see each other's keys.
 *
 * <p>Implementations are thread-safe. Register one under a name with a {@link StorageProvider}, or pass an
 * instance to {@link dev.cachefn.CacheBuilder#storage(Storage)}.
 */
public interface Storage {

  /**
   * Opens the keyspace for {@code settings.namespace()}. Opening the same namespace twice gives views of the
   * same entries; {@code listener} receives the removals the storage decides on (eviction, expiration) for
   * as long as the returned keyspace is open.
   *
   * @throws IllegalArgumentException if the namespace is already open with incompatible settings
   */
  <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener);
}
