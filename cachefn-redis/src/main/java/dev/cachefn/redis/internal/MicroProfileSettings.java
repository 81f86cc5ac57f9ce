package dev.cachefn.redis.internal;

import java.util.ServiceConfigurationError;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.Nullable;

/**
 * Reads a setting from MicroProfile Config, an optional dependency: {@link #AVAILABLE} tells whether its API
 * is on the class path, and no other method may be called when it is not.
 */
final class MicroProfileSettings {

  static final boolean AVAILABLE = present();

  private MicroProfileSettings() {}

  private static boolean present() {
    try {
      Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
          MicroProfileSettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The value of {@code name}, or {@code null} when it is absent or no MicroProfile Config runs. */
  static @Nullable String read(String name) {
    try {
      return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null);
    } catch (IllegalStateException | IllegalArgumentException | ServiceConfigurationError e) {
      return null; // the API without an implementation, or no config for this class loader
    }
  }
}
