package dev.cachefn.redis;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.redis.internal.NearCache;
import dev.cachefn.redis.internal.RedisResources;
import dev.cachefn.redis.internal.TieredKeyspace;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Storage} in two levels: a near cache in this JVM (the in-memory engine of {@code cachefn-memory},
 * bounded by each cache's {@code maxSize}) in front of Redis, which every application instance shares. Reads
 * are served from the near cache when it holds the key, else from Redis (one round trip), and what Redis
 * answered is kept near with its remaining time-to-live and its tags. Writes and removals go to Redis.
 *
 * <pre>{@code
 * TieredStorage tiered = RedisStorage.builder("redis://127.0.0.1:6379").buildTiered();
 * Cache<User> users = CacheFn.builder("users").storage(tiered).maxSize(10_000).build();
 * }</pre>
 *
 * <p><b>Coherence.</b> The connection turns on Redis' client-side caching ({@code CLIENT TRACKING}, RESP3):
 * Redis remembers which keys this instance read and tells it, on the same connection, when any client writes,
 * deletes or expires one of them, or flushes the database. So a write, {@code delete}, {@code invalidateByTag},
 * {@code invalidateByPattern} or {@code clear} on any instance drops the near entries of every instance,
 * within the time one message takes to arrive. The instance that does it drops its own at once, before the
 * call returns. When the connection is lost (or a heartbeat {@code PING} goes unanswered), the near cache is
 * emptied and not served until tracking is on again for the new connection, so invalidations missed while
 * disconnected never let a stale value through.
 *
 * <p>Everything else is as for {@link RedisStorage}: the key layout, Lua scripts, failure policy and what Redis
 * does not do. Near hits return the very instance cached (as the memory storage does), so treat values as
 * immutable. {@code CacheStats.memoryUsageBytes} is what the near entries take in this JVM. Thread-safe.
 */
public final class TieredStorage implements Storage, AutoCloseable {

  /** How often the connection is checked and tracking retried unless set: 1 second. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);

  private final RedisResources resources;
  private final NearCache nearCache;
  private final @Nullable EvictionPolicy nearCacheEvictionPolicy;

  TieredStorage(RedisResources resources, Duration heartbeat, boolean armNow,
      @Nullable EvictionPolicy nearCacheEvictionPolicy) {
    this.resources = resources;
    this.nearCache = new NearCache(resources.connection(), heartbeat, armNow);
    this.nearCacheEvictionPolicy = nearCacheEvictionPolicy;
  }

  /**
   * Connects to the Redis at {@code uri} with the defaults of {@link RedisStorage#create(String)}.
   *
   * @throws IllegalArgumentException if {@code uri} is not a Redis URI
   * @throws RedisStorageException if Redis cannot be reached
   */
  public static TieredStorage create(String uri) {
    return RedisStorage.builder(uri).buildTiered();
  }

  @Override
  public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    return new TieredKeyspace<>(
        resources.namespace(settings), resources.leases(settings), nearCache, settings.maxSize(),
        nearCacheEvictionPolicy != null ? nearCacheEvictionPolicy : settings.evictionPolicy());
  }

  /** The Redis URI, without password. */
  public String uri() {
    return resources.connection().uri();
  }

  /** How many operations failed because Redis did not answer (disconnected, timed out, loading, busy). */
  public long failures() {
    return resources.connection().failures();
  }

  /** Whether the near cache serves: tracking is on for the live connection. */
  public boolean nearCacheServing() {
    return nearCache.serving();
  }

  /** How many entries the near cache holds, over every namespace. */
  public long nearCacheSize() {
    return nearCache.size();
  }

  /** Whether the near cache holds {@code key} of {@code namespace} (a cache's namespace is its name by default). */
  public boolean nearCacheHolds(String namespace, String key) {
    return nearCache.holds(namespace, key);
  }

  /** Stops the heartbeat, empties the near cache and closes the connection. */
  @Override
  public void close() {
    nearCache.close();
    resources.close();
  }

  @Override
  public String toString() {
    return "TieredStorage{" + uri() + "}";
  }
}
