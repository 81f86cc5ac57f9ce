package dev.cachefn.cdi.internal;

import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import dev.cachefn.spi.StorageProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The storages of one application, by name: each made once by its {@link StorageProvider}, shared by every cache
 * of the application that names it, and closed when the application stops. The one owner of the storages the
 * CDI layer uses: the portable extension starts them at deployment ({@link #start}), so that a storage's own
 * settings (such as {@code cachefn.redis.uri}) and its server are checked before the first request; the cache
 * registry takes its caches' storages from here and closes them after the caches ({@link #close}).
 *
 * <p>Thread-safe. A provider runs with no lock held; if two threads start the same storage at once, one keeps its
 * storage and the other's is closed at once.
 */
final class StorageRegistry implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(StorageRegistry.class.getName());

  private final Function<String, Optional<StorageProvider>> providers;
  private final Map<String, Storage> started = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A registry over the providers that {@link StorageProviders} finds. */
  StorageRegistry() {
    this(StorageProviders::named);
  }

  StorageRegistry(Function<String, Optional<StorageProvider>> providers) {
    this.providers = providers;
  }

  /**
   * Starts each storage of {@code users} (storage name to what uses it, for the messages) that is not started
   * yet.
   *
   * @return one message per storage that cannot start, naming it, its users and the storage's own reason
   */
  List<String> start(Map<String, Set<String>> users) {
    List<String> problems = new ArrayList<>();
    users.forEach((name, usedBy) -> {
      try {
        storage(name);
      } catch (RuntimeException e) {
        problems.add("storage '" + name + "' (used by " + String.join(", ", usedBy) + ") cannot start: "
            + e.getMessage());
      }
    });
    return problems;
  }

  /**
   * The storage registered under {@code name}, started on first use.
   *
   * @throws IllegalStateException if no provider has that name, or the registry is closed
   * @throws RuntimeException what the provider throws when the storage cannot start
   */
  Storage storage(String name) {
    Storage storage = started.get(name);
    if (storage != null) {
      return storage;
    }
    ensureOpen(name);
    StorageProvider provider = providers.apply(name).orElseThrow(() -> new IllegalStateException(
        "no storage named '" + name + "'; available: " + StorageProviders.names()));
    Storage made = provider.create();
    Storage raced = started.putIfAbsent(name, made);
    if (raced != null) {
      closeQuietly(name, made);
      return raced;
    }
    if (closed) { // closed while the provider ran: close() may have missed it
      started.remove(name, made);
      closeQuietly(name, made);
      ensureOpen(name);
    }
    return made;
  }

  private void ensureOpen(String name) {
    if (closed) {
      throw new IllegalStateException("storage '" + name + "' requested after the application stopped");
    }
  }

  /** The names of the storages started so far. */
  Set<String> names() {
    return Set.copyOf(started.keySet());
  }

  /** Closes every storage started here that holds resources; a failure is logged and the others still close. */
  @Override
  public void close() {
    closed = true;
    for (String name : List.copyOf(started.keySet())) {
      Storage storage = started.remove(name);
      if (storage != null) {
        closeQuietly(name, storage);
      }
    }
  }

  private static void closeQuietly(String name, Storage storage) {
    if (storage instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "Closing storage '" + name + "' failed", e);
      }
    }
  }
}
