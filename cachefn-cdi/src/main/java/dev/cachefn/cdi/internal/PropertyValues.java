package dev.cachefn.cdi.internal;

import dev.cachefn.CacheOptions;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.spi.SettingDurations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

/**
 * Reads one MicroProfile Config property as the type of value a {@code cachefn.*} setting has, checking it:
 * each method returns {@code null} when the property is not set, and fails with an
 * {@link IllegalArgumentException} naming the property, what is allowed and the value found when it is bad.
 * {@link CacheConfiguration} knows which property holds which setting; this class knows the values.
 */
final class PropertyValues {

  /** {@code lru}, {@code adaptive-frequency}: the policies as configuration values. */
  private static final List<String> POLICY_NAMES = Arrays.stream(EvictionPolicy.values())
      .map(policy -> policy.name().toLowerCase(Locale.ROOT).replace('_', '-'))
      .toList();

  private final Config config;
  private final Set<String> storages;

  /** @param storages the names a storage setting may take */
  PropertyValues(Config config, Set<String> storages) {
    this.config = config;
    this.storages = storages;
  }

  /** The property's text as it is set. */
  @Nullable String text(String property) {
    return config.getOptionalValue(property, String.class).orElse(null);
  }

  /** A cache bound: a whole number of at least 1 ({@code _} allowed between digits). */
  @Nullable Long maxSize(String property) {
    return read(property, text -> {
      try {
        return CacheOptions.requireMaxSize(Long.parseLong(text.trim().replace("_", "")), property);
      } catch (IllegalArgumentException notANumberOrTooSmall) { // NumberFormatException is one
        throw new IllegalArgumentException(
            "property " + property + " must be a whole number of at least 1; got '" + text + "'");
      }
    });
  }

  /** A positive duration in the grammar of every {@code cachefn.*} duration ({@link SettingDurations}). */
  @Nullable Duration duration(String property) {
    return read(property, text -> SettingDurations.parse(text, "property " + property));
  }

  /** The name of a storage that a {@code StorageProvider} registered. */
  @Nullable String storage(String property) {
    return read(property, text -> {
      String storage = text.trim();
      if (!storages.contains(storage)) {
        throw new IllegalArgumentException("property " + property + " names no known storage; got '" + text
            + "', available: " + storages + " (a storage module registers its name through"
            + " dev.cachefn.spi.StorageProvider)");
      }
      return storage;
    });
  }

  /** {@code true} or {@code false}, in any case. */
  @Nullable Boolean bool(String property) {
    return read(property, text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(
          "property " + property + " must be true or false; got '" + text + "'");
    });
  }

  /** {@code lru} or {@code adaptive-frequency}; the enum's own names are accepted too. */
  @Nullable EvictionPolicy evictionPolicy(String property) {
    return read(property, text -> {
      String wanted = text.trim().replace('-', '_');
      for (EvictionPolicy policy : EvictionPolicy.values()) {
        if (policy.name().equalsIgnoreCase(wanted)) {
          return policy;
        }
      }
      throw new IllegalArgumentException("property " + property + " must be one of " + POLICY_NAMES + "; got '"
          + text + "'");
    });
  }

  private <T> @Nullable T read(String property, Function<String, T> parse) {
    String text = text(property);
    return text == null ? null : parse.apply(text);
  }
}
