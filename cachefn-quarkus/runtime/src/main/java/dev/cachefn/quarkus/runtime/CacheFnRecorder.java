package dev.cachefn.quarkus.runtime;

import dev.cachefn.cdi.internal.CacheFnChecks;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/** Runs at application start what can only be checked then: the {@code cachefn.*} configuration. */
@Recorder
public class CacheFnRecorder {

  /**
   * Fails the start if a {@code cachefn.*} property is bad, naming each such property.
   *
   * @param cacheNames the caches that the application's injection points and annotations name (found at build
   *     time)
   * @param memoizedMethods the {@code <class>.<method>} names of the {@code @Memoize} methods
   */
  public void checkConfiguration(Set<String> cacheNames, Set<String> memoizedMethods) {
    List<String> problems =
        CacheFnChecks.configurationProblems(ConfigProvider.getConfig(), cacheNames, memoizedMethods);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(String.join(System.lineSeparator(), problems));
    }
  }
}
