package dev.cachefn.redis.internal;

import dev.cachefn.redis.RedisStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;

/**
 * A provider whose storages are built from the {@code cachefn.redis.*} settings ({@link RedisSettings}: from
 * MicroProfile Config, system properties, environment). Each storage it creates has its own connection and
 * belongs to whoever asked (see {@link StorageProvider}): a cache built by name closes it with itself,
 * cachefn-cdi shares one per application and closes it at shutdown.
 */
abstract sealed class ConfiguredProvider implements StorageProvider
    permits RedisStorageProvider, TieredStorageProvider {

  private final String name;

  ConfiguredProvider(String name) {
    this.name = name;
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
    return build(RedisSettings.read(name, RedisSettings::fromEnvironment).builder());
  }

  /** Builds this provider's kind of storage. */
  abstract Storage build(RedisStorage.Builder configured);
}
