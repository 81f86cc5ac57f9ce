package dev.cachefn.spi;

/**
 * Makes a storage findable by name through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.cachefn.spi.StorageProvider} (or {@code provides} it in {@code module-info}).
 * Caches built with {@code storage("name")} ask the provider of that name for a new storage.
 */
public interface StorageProvider {

  /** The name users select this storage by, such as {@code "memory"}. */
  String name();

  /** Creates a storage for one cache. */
  Storage create();
}
