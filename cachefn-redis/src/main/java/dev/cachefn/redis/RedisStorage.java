package dev.cachefn.redis;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.redis.internal.KeyLayout;
import dev.cachefn.redis.internal.RedisConnection;
import dev.cachefn.redis.internal.RedisKeyspace;
import dev.cachefn.redis.internal.RedisResources;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Storage} on Redis, through one Lettuce connection shared by every cache that uses this instance, so
 * that several application instances share their caches. On one server, or on a Redis Cluster through Lettuce's
 * cluster client ({@code redis-cluster://} URIs): then each namespace is spread over 16 hash-tagged buckets, and
 * batch, tag and pattern operations fan out over them (the module README gives the costs).
 *
 * <pre>{@code
 * RedisStorage redis = RedisStorage.create("redis://127.0.0.1:6379");
 * Cache<User> users = CacheFn.builder("users").storage(redis).defaultTtl(Duration.ofMinutes(10)).build();
 * }</pre>
 *
 * <p><b>What Redis does.</b> Time-to-live is Redis' own ({@code SET ... PX}, whole milliseconds, rounded up).
 * An entry, its expiry and its tags change together in one Lua script, so no one sees an entry without its
 * tags or the reverse; batch operations send one script per 500 entries and await the answers together (one
 * round trip), {@code getAll} is one {@code MGET}. Patterns, {@code keys}, {@code entries}, {@code clear} and
 * {@code size} walk {@code SCAN MATCH} (never {@code KEYS}), so they cost one command per 1,000 keys of the
 * whole Redis database, not of the namespace. Each namespace is a key prefix (see the module README) and
 * {@code clear} removes only its own.
 *
 * <p><b>What Redis does not do.</b> {@code maxSize} is not enforced: Redis' {@code maxmemory} and
 * {@code maxmemory-policy} bound the memory instead (use {@code volatile-*} or {@code allkeys-*} eviction on a
 * Redis used as a cache). Expirations and evictions happen inside Redis unseen, so the caches get no
 * {@code EXPIRATION} or {@code EVICTION} events or counts from this storage, and
 * {@code CacheStats.memoryUsageBytes} is 0. Single flight of {@code getOrFetch} holds within one application
 * instance unless the cache turns on {@code CacheBuilder.distributedSingleFlight} (leases of
 * {@link Builder#fetchLease}); without it two instances may both fetch a missing key, and the first write wins
 * for both (the fetched value is stored with put-if-absent).
 *
 * <p><b>Failures.</b> Lettuce reconnects by itself; while it is disconnected, commands fail at once instead of
 * queueing, and every command times out after {@link Builder#commandTimeout}. With {@link FailurePolicy#FAIL}
 * (the default) a failed operation throws {@link RedisStorageException}; see {@link FailurePolicy#BYPASS} for
 * the alternative. Either way the failure is counted ({@link #failures()}), and every cache on this storage
 * reports that count as {@code CacheStats.storageFailures}. A value that its {@link Codec} cannot read back is
 * removed, read as a miss and counted per cache as {@code CacheStats.decodeFailures}.
 *
 * <p>Thread-safe. {@link #close()} closes the connection; caches built on the storage fail afterwards.
 */
public final class RedisStorage implements Storage, AutoCloseable {

  /** The command timeout unless set: 2 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * The fetch lease unless set: 10 seconds. Long enough for most database queries and remote calls, so that a
   * healthy fetch keeps its lease; short enough that the instances waiting for a holder that died fetch
   * themselves soon.
   */
  public static final Duration DEFAULT_FETCH_LEASE = Duration.ofSeconds(10);

  private final RedisResources resources;

  private RedisStorage(RedisResources resources) {
    this.resources = resources;
  }

  /**
   * Connects to the Redis at {@code uri} (such as {@code redis://127.0.0.1:6379} or
   * {@code redis://:password@host:6379/2}), or to the Redis Cluster whose seed nodes {@code uri} names (such as
   * {@code redis-cluster://10.0.0.1:7000,10.0.0.2:7000}; see the module README for how a namespace is spread over
   * slots), with the defaults: {@link JsonCodec}, a 2-second timeout, {@link FailurePolicy#FAIL}.
   *
   * @throws IllegalArgumentException if {@code uri} is not a Redis URI
   * @throws RedisStorageException if Redis cannot be reached
   */
  public static RedisStorage create(String uri) {
    return builder(uri).build();
  }

  /** Starts configuring a storage on the Redis (or Redis Cluster) at {@code uri}; see {@link #create}. */
  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  @Override
  public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    return new RedisKeyspace<>(resources.namespace(settings), resources.leases(settings));
  }

  /** The Redis URI, without password. */
  public String uri() {
    return resources.connection().uri();
  }

  /** How many operations failed because Redis did not answer (disconnected, timed out, loading, busy). */
  public long failures() {
    return resources.connection().failures();
  }

  /** Closes the connection. */
  @Override
  public void close() {
    resources.close();
  }

  @Override
  public String toString() {
    return "RedisStorage{" + uri() + "}";
  }

  /** Configures a {@link RedisStorage}. Not thread-safe. */
  public static final class Builder {
    private final String uri;
    private Codec codec = JsonCodec.create();
    private Duration commandTimeout = DEFAULT_TIMEOUT;
    private FailurePolicy failurePolicy = FailurePolicy.FAIL;
    private boolean lazyConnect;
    private Duration heartbeat = TieredStorage.DEFAULT_HEARTBEAT;
    private @Nullable String formatVersion;
    private Duration fetchLease = DEFAULT_FETCH_LEASE;
    private @Nullable EvictionPolicy nearCacheEvictionPolicy;

    private Builder(String uri) {
      Objects.requireNonNull(uri, "uri must not be null");
      if (uri.isBlank()) {
        throw new IllegalArgumentException("uri must not be blank (such as redis://127.0.0.1:6379)");
      }
      this.uri = uri;
    }

    /** How values become bytes; default {@link JsonCodec#create()}. */
    public Builder codec(Codec codec) {
      this.codec = Objects.requireNonNull(codec, "codec must not be null");
      return this;
    }

    /** How long to wait for Redis' answer to a command, and for a connection; positive, default 2 s. */
    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = positive(commandTimeout, "commandTimeout");
      return this;
    }

    /** What operations do while Redis cannot be reached; default {@link FailurePolicy#FAIL}. */
    public Builder failurePolicy(FailurePolicy failurePolicy) {
      this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
      return this;
    }

    /**
     * Whether to connect at the first operation instead of in {@link #build()}; default false. A lazy storage
     * starts while Redis is down: its operations then fail (or, with {@link FailurePolicy#BYPASS}, answer
     * misses) until Redis can be reached, trying to connect at most twice a second.
     */
    public Builder lazyConnect(boolean lazyConnect) {
      this.lazyConnect = lazyConnect;
      return this;
    }

    /**
     * How often a {@link TieredStorage} checks with a {@code PING} that its connection answers (an idle
     * instance serving only near entries would otherwise not notice a silently broken connection), and how
     * often it retries turning invalidation tracking on; positive, default 1 s. Unused by {@link #build()}.
     */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = positive(heartbeat, "heartbeat");
      return this;
    }

    private static Duration positive(Duration value, String setting) {
      Objects.requireNonNull(value, setting + " must not be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(setting + " must be positive, got " + value);
      }
      return value;
    }

    /**
     * A version of the values' format, such as {@code "2"}: part of every key (after {@code cachefn:}), so that
     * during a rolling deploy the instances of two application versions whose values differ in shape each read
     * and write their own entries, never the other's. 1 to 32 letters, digits, {@code .}, {@code _} or
     * {@code -}; none by default. Tag and pattern invalidations, {@code clear} and the near caches' coherence
     * reach only the entries of the same version.
     *
     * @throws IllegalArgumentException if {@code formatVersion} holds other characters, or is empty or longer
     */
    public Builder formatVersion(String formatVersion) {
      Objects.requireNonNull(formatVersion, "formatVersion must not be null");
      this.formatVersion = KeyLayout.checkFormatVersion(formatVersion);
      return this;
    }

    /**
     * How long a cache with {@code CacheBuilder.distributedSingleFlight} holds the lease on a key it fetches,
     * at most: on a miss, {@code getOrFetch} on the first instance takes a lease on the key in Redis
     * ({@code SET ... NX PX}) and fetches; the others wait for its value (woken by a pub/sub message when it is
     * stored or the fetch failed, never by polling) at most the cache's fetch timeout in all, then fetch
     * themselves. A holder that dies leaves its lease to expire after {@code fetchLease}, and the others then
     * take it; a failed fetch releases it at once. Choose a lease a little longer than the slowest fetch.
     * At least 1 ms; default {@link RedisStorage#DEFAULT_FETCH_LEASE}, 10 s.
     */
    public Builder fetchLease(Duration fetchLease) {
      Objects.requireNonNull(fetchLease, "fetchLease must not be null");
      if (fetchLease.toMillis() < 1) {
        throw new IllegalArgumentException("fetchLease must be at least 1 ms, got " + fetchLease);
      }
      this.fetchLease = fetchLease;
      return this;
    }

    /**
     * The eviction policy of a {@link TieredStorage}'s near cache, for every cache on it. Unless set, each
     * cache's near entries are evicted by that cache's own {@link dev.cachefn.CacheBuilder#evictionPolicy}.
     * Unused by {@link #build()}.
     */
    public Builder nearCacheEvictionPolicy(EvictionPolicy policy) {
      this.nearCacheEvictionPolicy = Objects.requireNonNull(policy, "nearCacheEvictionPolicy must not be null");
      return this;
    }

    private RedisResources resources(boolean tracking) {
      return new RedisResources(RedisConnection.open(uri, commandTimeout, failurePolicy, lazyConnect, tracking),
          codec, formatVersion, fetchLease);
    }

    /**
     * Connects (unless {@link #lazyConnect}).
     *
     * @throws IllegalArgumentException if the uri is not a Redis URI
     * @throws RedisStorageException if Redis cannot be reached
     */
    public RedisStorage build() {
      return new RedisStorage(resources(false));
    }

    /**
     * Connects (unless {@link #lazyConnect}) and builds a {@link TieredStorage}: a near cache in this JVM in
     * front of Redis, kept coherent by Redis' invalidation tracking (Redis 6 or later).
     *
     * @throws IllegalArgumentException if the uri is not a Redis URI
     * @throws RedisStorageException if Redis cannot be reached, or does not speak RESP3 (Redis before 6)
     */
    public TieredStorage buildTiered() {
      return new TieredStorage(resources(true), heartbeat, !lazyConnect, nearCacheEvictionPolicy);
    }
  }
}
