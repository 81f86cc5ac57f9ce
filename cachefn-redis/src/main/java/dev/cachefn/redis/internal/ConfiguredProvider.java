package dev.cachefn.redis.internal;

import dev.cachefn.redis.RedisStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.util.function.Function;

/**
 * A provider whose storages are built from the {@code cachefn.redis.*} settings ({@link RedisSettings}: from
 * MicroProfile Config, system properties, environment). Each storage it creates has its own connection and
 * belongs to whoever asked (see {@link StorageProvider}): a cache built by name closes it with itself,
 * cachefn-cdi shares one per application and closes it at shutdown.
 */
abstract sealed class ConfiguredProvider implements StorageProvider
    permits RedisStorageProvider, TieredStorageProvider {

  private final String name;
  private final Function<RedisStorage.Builder, Storage> build;

  /** A provider named {@code name} whose storages {@code build} makes from the configured builder. */
  ConfiguredProvider(String name, Function<RedisStorage.Builder, Storage> build) {
    this.name = name;
    this.build = build;
  }

  @Override
  public String name() {
    return name;
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
    return build.apply(RedisSettings.read(name, RedisSettings::fromEnvironment).builder());
  }
}
