package dev.cachefn.quarkus.runtime;

import dev.cachefn.cdi.NamedCaches;
import dev.cachefn.cdi.spi.CacheFnChecks;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates, when the application starts, every cache that the configuration or the build-time scan names, so that
 * their metrics are on {@code /q/metrics} before the first request (on Weld, {@code cachefn-cdi} does this itself).
 */
@Singleton
public class StartupCaches {

  private static volatile Set<String> namedAtBuildTime = Set.of();

  /** The caches that injection points and annotations name, found at build time; set by {@link CacheFnRecorder}. */
  static void use(Set<String> names) {
    namedAtBuildTime = Set.copyOf(names);
  }

  void create(@Observes StartupEvent started, NamedCaches caches) {
    Set<String> names = new TreeSet<>(namedAtBuildTime);
    // one application per process: a key set with -D or in the environment is this application's
    names.addAll(CacheFnChecks.configuredCaches(ConfigProvider.getConfig(), true));
    names.forEach(caches::get);
  }
}
