package dev.cachefn.redis.internal;

import dev.cachefn.redis.TieredStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Registers the near cache in front of Redis as {@code "tiered"}, configured by the same {@code cachefn.redis.*}
 * settings as {@code "redis"} plus {@code heartbeat} and {@code near-cache-eviction-policy} (see {@link RedisSettings}). Each storage it creates has its
 * own connection and near cache, and belongs to whoever asked (see {@link StorageProvider}).
 */
public final class TieredStorageProvider implements StorageProvider {

  private final UnaryOperator<@Nullable String> settings;

  /** The provider {@link java.util.ServiceLoader} creates: MicroProfile Config, system properties, environment. */
  public TieredStorageProvider() {
    this(RedisSettings::fromEnvironment);
  }

  TieredStorageProvider(UnaryOperator<@Nullable String> settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "tiered";
  }

  /**
   * A new tiered storage for the current settings, connected unless lazy.
   *
   * @throws IllegalStateException if {@code cachefn.redis.uri} is not set, or a setting is malformed (the
   *     message names it)
   * @throws dev.cachefn.redis.RedisStorageException if Redis cannot be reached (unless lazy)
   */
  @Override
  public Storage create() {
    RedisSettings read = RedisSettings.read(name(), settings);
    return read.builder().buildTiered();
  }
}
