package dev.cachefn.redis.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorage;
import dev.cachefn.redis.TieredStorage;
import dev.cachefn.spi.SettingDurations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cachefn.redis.*} settings of the {@code "redis"} and {@code "tiered"} storages, read from
 * MicroProfile Config when the application has it, else from system properties, else from environment
 * variables ({@code CACHEFN_REDIS_URI}, ...). Every malformed value fails with an
 * {@link IllegalStateException} naming the property, the allowed values and the value found. Keys that this
 * class does not know are ignored. Immutable.
 */
record RedisSettings(String uri, Duration timeout, FailurePolicy policy, boolean lazyConnect, Duration heartbeat,
    @Nullable String formatVersion, Duration fetchLease,
    @Nullable EvictionPolicy nearEvictionPolicy) {

  static final String URI = "cachefn.redis.uri";
  static final String TIMEOUT = "cachefn.redis.timeout";
  static final String FAILURE_POLICY = "cachefn.redis.failure-policy";
  static final String LAZY_CONNECT = "cachefn.redis.lazy-connect";
  static final String HEARTBEAT = "cachefn.redis.heartbeat";
  static final String FORMAT_VERSION = "cachefn.redis.format-version";
  static final String FETCH_LEASE = "cachefn.redis.fetch-lease";
  /** A storage-wide switch before distributed single flight became a setting of each cache: refused. */
  static final String OLD_SINGLE_FLIGHT = "cachefn.redis.distributed-single-flight";
  static final String NEAR_EVICTION_POLICY = "cachefn.redis.near-cache-eviction-policy";

  /**
   * Reads and checks the settings.
   *
   * @throws IllegalStateException naming the property, if the uri is missing or a value is malformed
   */
  static RedisSettings read(String storageName, UnaryOperator<@Nullable String> source) {
    String uri = source.apply(URI);
    if (uri == null || uri.isBlank()) {
      throw new IllegalStateException("storage \"" + storageName + "\" needs the Redis URI: set " + URI
          + " (MicroProfile Config or system property) or the environment variable " + envName(URI)
          + " (such as redis://127.0.0.1:6379), or build the storage yourself with RedisStorage.builder(uri)");
    }
    if (source.apply(OLD_SINGLE_FLIGHT) != null) {
      throw new IllegalStateException(OLD_SINGLE_FLIGHT + " is not a storage setting: turn distributed single"
          + " flight on for each cache that wants it, with cachefn.cache.<name>.distributed-single-flight=true"
          + " (or CacheBuilder.distributedSingleFlight(true)); " + FETCH_LEASE + " sets the lease");
    }
    return new RedisSettings(uri.trim(),
        duration(TIMEOUT, source.apply(TIMEOUT), RedisStorage.DEFAULT_TIMEOUT),
        policy(source.apply(FAILURE_POLICY)),
        flag(LAZY_CONNECT, source.apply(LAZY_CONNECT)),
        duration(HEARTBEAT, source.apply(HEARTBEAT), TieredStorage.DEFAULT_HEARTBEAT),
        formatVersion(source.apply(FORMAT_VERSION)),
        duration(FETCH_LEASE, source.apply(FETCH_LEASE), RedisStorage.DEFAULT_FETCH_LEASE),
        evictionPolicy(source.apply(NEAR_EVICTION_POLICY)));
  }

  RedisStorage.Builder builder() {
    RedisStorage.Builder builder = RedisStorage.builder(uri).commandTimeout(timeout).failurePolicy(policy)
        .lazyConnect(lazyConnect).heartbeat(heartbeat).fetchLease(fetchLease);
    if (nearEvictionPolicy != null) {
      builder.nearCacheEvictionPolicy(nearEvictionPolicy);
    }
    return formatVersion == null ? builder : builder.formatVersion(formatVersion);
  }

  static @Nullable String formatVersion(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return KeyLayout.checkFormatVersion(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(FORMAT_VERSION + ": " + e.getMessage(), e);
    }
  }

  static Duration duration(String property, @Nullable String text, Duration absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      return SettingDurations.parse(text, property);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static FailurePolicy policy(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return FailurePolicy.FAIL;
    }
    try {
      return FailurePolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(FAILURE_POLICY + " must be fail or bypass, got '" + text + "'", e);
    }
  }

  /** {@code lru} or {@code adaptive-frequency} (the enum's own names too), or null when not set. */
  static @Nullable EvictionPolicy evictionPolicy(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String wanted = text.trim().replace('-', '_');
    for (EvictionPolicy policy : EvictionPolicy.values()) {
      if (policy.name().equalsIgnoreCase(wanted)) {
        return policy;
      }
    }
    throw new IllegalStateException(NEAR_EVICTION_POLICY + " must be one of " + Arrays.stream(EvictionPolicy.values())
        .map(policy -> policy.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", got '" + text + "'");
  }

  static boolean flag(String property, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalStateException(property + " must be true or false, got '" + text + "'");
    };
  }

  /** Reads MicroProfile Config if the application has it, then system properties, then the environment. */
  static @Nullable String fromEnvironment(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String value = MicroProfileSettings.AVAILABLE ? MicroProfileSettings.read(name) : null;
    if (value == null) {
      value = System.getProperty(name);
    }
    return value != null ? value : System.getenv(envName(name));
  }

  static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
