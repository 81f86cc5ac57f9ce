package dev.cachefn.spi;

/**
 * Makes a storage findable by name through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.cachefn.spi.StorageProvider} (or {@code provides} it in {@code module-info}).
 * Caches built with {@code storage("name")} ask the provider of that name for a new storage.
 *
 * <p><b>Who owns the storage.</b> Each {@link #create()} makes a new storage, and whoever called it owns it: closes
 * it, if it is {@link AutoCloseable}, when done. A cache built with {@code storage("name")} owns the storage made
 * for it and closes it with itself. To share one storage (one connection) between caches, create it once and
 * pass it with {@code CacheBuilder.storage(Storage)}, or let an integration own it (cachefn-cdi starts one
 * storage per name for each application at deployment and closes it at shutdown). A provider keeps no storage
 * of its own, so nothing outlives its owner.
 */
public interface StorageProvider {

  /** The name users select this storage by, such as {@code "memory"}. */
  String name();

  /**
   * Creates a new storage, owned by the caller.
   *
   * @throws RuntimeException if the storage cannot start (a missing setting, an unreachable server); the message
   *     names the setting
   */
  Storage create();
}
