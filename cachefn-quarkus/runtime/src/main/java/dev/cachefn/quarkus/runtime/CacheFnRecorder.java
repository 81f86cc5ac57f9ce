package dev.cachefn.quarkus.runtime;

import dev.cachefn.cdi.spi.CacheFnChecks;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hands the run time what the build found: the observers of cache events, and the caches and memoized methods
 * whose {@code cachefn.*} configuration is checked at start-up.
 */
@Recorder
public class CacheFnRecorder {

  /** Tells {@link BuildTimeObservers} which observers exist, each written by {@link BuildTimeObservers#encode}. */
  public void useObservers(List<String> observers) {
    BuildTimeObservers.use(observers);
  }

  /**
   * Fails the start if a {@code cachefn.*} property is bad, naming each such property.
   *
   * @param cacheNames the caches that the application's injection points and annotations name (found at build
   *     time)
   * @param memoizedMethods the {@code <class>.<method>} names of the {@code @Memoize} methods
   * @param writeTimeCaches the caches that a {@code @Memoize} with freshness settings uses
   */
  public void checkConfiguration(Set<String> cacheNames, Set<String> memoizedMethods, Set<String> writeTimeCaches) {
    List<String> problems =
        CacheFnChecks.configurationProblems(ConfigProvider.getConfig(), cacheNames, memoizedMethods);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(String.join(System.lineSeparator(), problems));
    }
    CacheFnChecks.useWriteTimeCaches(writeTimeCaches);
    StartupCaches.use(cacheNames);
  }
}
