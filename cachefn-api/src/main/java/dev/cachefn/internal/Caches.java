package dev.cachefn.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheOptions;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import dev.cachefn.spi.StorageProviders;
import java.util.TreeSet;

/** Creates caches: finds the storage, opens the keyspace and wraps it in a {@link DefaultCache}. */
public final class Caches {

  private Caches() {}

  /**
   * Creates the cache {@code options} describe. A storage made by name here is the cache's own: it is closed with
   * the cache.
   */
  public static <V> Cache<V> create(CacheOptions options) {
    Storage given = options.storage();
    if (given != null) {
      return new DefaultCache<>(options, given);
    }
    Storage made = findStorage(options);
    return new DefaultCache<>(options, made, FlightTimer.SYSTEM, made instanceof AutoCloseable own ? own : null);
  }

  private static Storage findStorage(CacheOptions options) {
    String wanted = options.storageName();
    TreeSet<String> available = new TreeSet<>();
    for (StorageProvider provider : StorageProviders.all()) {
      if (provider.name().equals(wanted)) {
        return provider.create();
      }
      available.add(provider.name());
    }
    throw new IllegalStateException(
        "No storage named '" + wanted + "' for cache '" + options.name() + "'; available: " + available
            + ". Add the module that provides it to the class path"
            + (CacheOptions.MEMORY_STORAGE.equals(wanted) ? " (dev.cachefn:cachefn-memory)." : "."));
  }
}
