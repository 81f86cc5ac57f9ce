package dev.cachefn.redis.internal;

import dev.cachefn.redis.TieredStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Registers the near cache in front of Redis as {@code "tiered"}, configured by the same {@code cachefn.redis.*}
 * settings as {@code "redis"} plus {@code heartbeat} (see {@link RedisSettings}). Caches with the same settings
 * share one storage — one connection and one near cache — for the life of the JVM.
 */
public final class TieredStorageProvider implements StorageProvider {

  private static final Map<RedisSettings, TieredStorage> SHARED = new ConcurrentHashMap<>();

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
   * The shared tiered storage for the current settings.
   *
   * @throws IllegalStateException if {@code cachefn.redis.uri} is not set, or a setting is malformed (the
   *     message names it)
   * @throws dev.cachefn.redis.RedisStorageException if Redis cannot be reached (unless lazy)
   */
  @Override
  public Storage create() {
    RedisSettings read = RedisSettings.read(name(), settings);
    return SHARED.computeIfAbsent(read, ignored -> read.builder().buildTiered());
  }
}
