package dev.cachefn.redis.internal;

import dev.cachefn.redis.RedisStorage;

/**
 * Registers the Redis storage as {@code "redis"}, configured by the {@code cachefn.redis.*} settings (see
 * {@link RedisSettings}): {@code uri} (required), {@code timeout}, {@code failure-policy}, {@code lazy-connect},
 * {@code format-version}, {@code fetch-lease}.
 */
public final class RedisStorageProvider extends ConfiguredProvider {

  /** The provider {@link java.util.ServiceLoader} creates. */
  public RedisStorageProvider() {
    super("redis", RedisStorage.Builder::build);
  }
}
