package dev.cachefn.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the {@link StorageProvider}s an application can use: the one place where CacheFn looks them up.
 *
 * <p>Providers are looked up first through the class loader that loaded CacheFn's API (in a WAR, the
 * application's own), then through the thread's context class loader, which on some servers is shared by every
 * application. A provider that cannot be loaded, or that implements another application's copy of
 * {@code StorageProvider} ({@code not a subtype}), is skipped and logged, never fatal: one application never
 * sees another's storages, and a broken provider costs only its own storage. When two providers have the same
 * name, the first found wins. Thread-safe; every call looks again (class loaders can change at run time).
 */
public final class StorageProviders {

  private static final System.Logger LOG = System.getLogger(StorageProviders.class.getName());

  private StorageProviders() {}

  /** The usable providers, by name, in lookup order. */
  public static List<StorageProvider> all() {
    Map<String, StorageProvider> byName = new LinkedHashMap<>();
    ClassLoader own = StorageProvider.class.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    collect(own, byName, System.Logger.Level.WARNING);
    if (context != null && context != own) {
      // on a shared context loader, providers of other applications are expected: not worth a warning
      collect(context, byName, System.Logger.Level.DEBUG);
    }
    return List.copyOf(byName.values());
  }

  /** The provider registered under {@code name}, if any is usable. */
  public static Optional<StorageProvider> named(String name) {
    return all().stream().filter(provider -> provider.name().equals(name)).findFirst();
  }

  /** The names of the usable providers, sorted. */
  public static SortedSet<String> names() {
    SortedSet<String> names = new TreeSet<>();
    all().forEach(provider -> names.add(provider.name()));
    return names;
  }

  private static void collect(ClassLoader loader, Map<String, StorageProvider> byName, System.Logger.Level level) {
    Iterator<StorageProvider> providers = ServiceLoader.load(StorageProvider.class, loader).iterator();
    List<String> skipped = new ArrayList<>();
    while (true) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        StorageProvider provider = providers.next();
        byName.putIfAbsent(provider.name(), provider);
      } catch (ServiceConfigurationError | LinkageError e) {
        // the JDK's iterator has moved past the failing provider; the same message twice means it did not
        if (skipped.contains(e.getMessage())) {
          break;
        }
        skipped.add(e.getMessage());
        LOG.log(level, "Skipping a storage provider that " + loader + " cannot load: " + e.getMessage());
      }
    }
  }
}
