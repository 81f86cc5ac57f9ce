package dev.cachefn.redis.internal;

import dev.cachefn.redis.RedisStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Registers the Redis storage as {@code "redis"}, configured by the {@code cachefn.redis.*} settings (see
 * {@link RedisSettings}): {@code uri} (required), {@code timeout} (an ISO-8601 duration such as {@code PT2S}, or
 * milliseconds), {@code failure-policy} ({@code fail} or {@code bypass}), {@code lazy-connect}
 * ({@code true} or {@code false}). Each storage it creates has its own connection and belongs to whoever asked
 * (see {@link StorageProvider}): a cache built by name closes it with itself, cachefn-cdi shares one per
 * application and closes it at shutdown.
 */
public final class RedisStorageProvider implements StorageProvider {

  private final UnaryOperator<@Nullable String> settings;

  /** The provider {@link java.util.ServiceLoader} creates: MicroProfile Config, system properties, environment. */
  public RedisStorageProvider() {
    this(RedisSettings::fromEnvironment);
  }

  RedisStorageProvider(UnaryOperator<@Nullable String> settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "redis";
  }

  /**
   * A new storage for the current settings, connected unless lazy.
   *
   * @throws IllegalStateException if {@code cachefn.redis.uri} is not set, or a setting is malformed (the
   *     message names it)
   * @throws dev.cachefn.redis.RedisStorageException if Redis cannot be reached (unless lazy)
   */
  @Override
  public Storage create() {
    RedisSettings read = RedisSettings.read(name(), settings);
    return read.builder().build();
  }
}
