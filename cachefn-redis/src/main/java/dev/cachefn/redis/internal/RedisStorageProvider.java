package dev.cachefn.redis.internal;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Registers the Redis storage as {@code "redis"}, configured by system properties or, when a property is
 * absent, environment variables: {@code cachefn.redis.uri} / {@code CACHEFN_REDIS_URI} (required),
 * {@code cachefn.redis.timeout} / {@code CACHEFN_REDIS_TIMEOUT} (an ISO-8601 duration such as {@code PT2S}, or
 * milliseconds), {@code cachefn.redis.failure-policy} / {@code CACHEFN_REDIS_FAILURE_POLICY} ({@code fail} or
 * {@code bypass}). Caches with the same settings share one storage, and so one connection, for the life of
 * the JVM.
 */
public final class RedisStorageProvider implements StorageProvider {

  static final String URI = "cachefn.redis.uri";
  static final String TIMEOUT = "cachefn.redis.timeout";
  static final String FAILURE_POLICY = "cachefn.redis.failure-policy";

  private static final Map<String, RedisStorage> SHARED = new ConcurrentHashMap<>();

  private final UnaryOperator<@Nullable String> settings;

  /** The provider {@link java.util.ServiceLoader} creates: reads system properties, then the environment. */
  public RedisStorageProvider() {
    this(RedisStorageProvider::systemSetting);
  }

  RedisStorageProvider(UnaryOperator<@Nullable String> settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "redis";
  }

  /**
   * The shared storage for the current settings.
   *
   * @throws IllegalStateException if {@code cachefn.redis.uri} is not set, or a setting is malformed (the
   *     message names it)
   * @throws dev.cachefn.redis.RedisStorageException if Redis cannot be reached
   */
  @Override
  public Storage create() {
    String uri = settings.apply(URI);
    if (uri == null || uri.isBlank()) {
      throw new IllegalStateException("storage \"redis\" needs the Redis URI: set the system property " + URI
          + " or the environment variable " + envName(URI) + " (such as redis://127.0.0.1:6379), or pass"
          + " RedisStorage.create(uri) to CacheBuilder.storage(...)");
    }
    Duration timeout = timeout(settings.apply(TIMEOUT));
    FailurePolicy policy = policy(settings.apply(FAILURE_POLICY));
    return SHARED.computeIfAbsent(uri + " " + timeout + " " + policy,
        ignored -> RedisStorage.builder(uri).commandTimeout(timeout).failurePolicy(policy).build());
  }

  static Duration timeout(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return RedisStorage.DEFAULT_TIMEOUT;
    }
    try {
      Duration timeout = text.trim().chars().allMatch(Character::isDigit)
          ? Duration.ofMillis(Long.parseLong(text.trim())) : Duration.parse(text.trim());
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalStateException(TIMEOUT + " must be positive, got '" + text + "'");
      }
      return timeout;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalStateException(
          TIMEOUT + " must be milliseconds or an ISO-8601 duration such as PT2S, got '" + text + "'", e);
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

  private static @Nullable String systemSetting(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(envName(name));
  }

  static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
