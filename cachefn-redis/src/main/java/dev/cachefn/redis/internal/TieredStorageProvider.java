package dev.cachefn.redis.internal;

import dev.cachefn.redis.RedisStorage;

/**
 * Registers the near cache in front of Redis as {@code "tiered"}, configured by the same {@code cachefn.redis.*}
 * settings as {@code "redis"} plus {@code heartbeat} and {@code near-cache-eviction-policy} (see
 * {@link RedisSettings}); each storage has its own near cache.
 */
public final class TieredStorageProvider extends ConfiguredProvider {

  /** The provider {@link java.util.ServiceLoader} creates. */
  public TieredStorageProvider() {
    super("tiered", RedisStorage.Builder::buildTiered);
  }
}
