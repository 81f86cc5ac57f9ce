package dev.cachefn.redis.internal;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorageException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * One Lettuce connection shared by every keyspace of a storage (Lettuce multiplexes it between threads):
 * keys as UTF-8 strings, values as bytes. It reconnects by itself; while disconnected, commands fail at once
 * instead of queueing, commands in flight when it dropped are not replayed, and every command times out
 * after the configured timeout. A lazy connection connects
 * at its first command, and after a failed attempt tries again at most every {@value #RETRY_MILLIS} ms
 * (failing at once in between). Not an API.
 */
public final class RedisConnection implements AutoCloseable {

  static final long RETRY_MILLIS = 500;

  private final String uri;
  private final Duration timeout;
  private final FailurePolicy policy;
  private final Health health;
  private final RedisClient client;
  private final List<PushListener> pushListeners = new CopyOnWriteArrayList<>();
  private final Object connecting = new Object();
  private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
  private long nextAttemptNanos;
  private @Nullable RuntimeException lastFailure;
  private volatile boolean closed;

  private RedisConnection(String uri, Duration timeout, FailurePolicy policy, RedisClient client) {
    this.uri = uri;
    this.timeout = timeout;
    this.policy = policy;
    this.health = new Health(uri, policy == FailurePolicy.BYPASS
        ? "reads answer a miss and writes are dropped until it does (removals still fail)"
        : "operations fail until it does");
    this.client = client;
  }

  /**
   * A connection to {@code uri}, opened now unless {@code lazy}. {@code resp3} insists on RESP3 (Redis 6 or
   * later), which the near cache needs for its invalidation messages.
   *
   * @throws IllegalArgumentException if {@code uri} is not a Redis URI
   * @throws RedisStorageException if Redis cannot be reached (never when lazy)
   */
  public static RedisConnection open(String uri, Duration timeout, FailurePolicy policy, boolean lazy,
      boolean resp3) {
    RedisURI redisUri;
    try {
      redisUri = RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "uri must be a Redis URI such as redis://127.0.0.1:6379, got '" + uri + "': " + e.getMessage(), e);
    }
    redisUri.setTimeout(timeout);
    RedisClient client = RedisClient.create(redisUri);
    ClientOptions.Builder options = ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        // at most once: a command in flight when the connection drops is never sent again after reconnecting
        // (it fails by timeout), so a write its caller saw fail cannot land later over newer data
        .replayFilter(command -> true)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout));
    if (resp3) {
      options.protocolVersion(ProtocolVersion.RESP3);
    }
    client.setOptions(options.build());
    RedisConnection connection = new RedisConnection(display(redisUri), timeout, policy, client);
    if (!lazy) {
      try {
        connection.connected();
      } catch (RuntimeException e) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        throw new RedisStorageException("connect", connection.uri, "cannot connect to Redis at " + connection.uri
            + " (the uri given to RedisStorage, or the cachefn.redis.uri setting): " + rootMessage(e), e);
      }
    }
    return connection;
  }

  /** The URI without password. */
  static String display(RedisURI uri) {
    if (uri.getHost() == null) {
      return uri.getSocket() != null ? "redis-socket://" + uri.getSocket() : "redis (sentinel)";
    }
    return (uri.isSsl() ? "rediss" : "redis") + "://" + uri.getHost() + ":" + uri.getPort()
        + (uri.getDatabase() != 0 ? "/" + uri.getDatabase() : "");
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure ? String.valueOf(failure.getMessage())
        : failure.getMessage() + " (" + root.getMessage() + ")";
  }

  /**
   * The commands of the connection, connecting first if it is lazy and not connected yet.
   *
   * @throws RedisConnectionException if it cannot connect (an outage for {@link Health})
   */
  RedisAsyncCommands<String, byte[]> commands() {
    return connected().async();
  }

  private StatefulRedisConnection<String, byte[]> connected() {
    StatefulRedisConnection<String, byte[]> current = connection;
    if (current != null) {
      return current;
    }
    synchronized (connecting) {
      if (connection != null) {
        return connection;
      }
      if (closed) {
        throw new IllegalStateException("the Redis connection to " + uri + " is closed");
      }
      if (lastFailure != null && System.nanoTime() - nextAttemptNanos < 0) {
        throw new RedisConnectionException("not connected to " + uri + "; the last attempt failed: "
            + rootMessage(lastFailure) + " (next attempt within " + RETRY_MILLIS + " ms)", lastFailure);
      }
      try {
        StatefulRedisConnection<String, byte[]> opened =
            client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        pushListeners.forEach(opened::addListener);
        lastFailure = null;
        connection = opened;
        return opened;
      } catch (RuntimeException e) {
        lastFailure = e;
        nextAttemptNanos = System.nanoTime() + RETRY_MILLIS * 1_000_000;
        throw e instanceof RedisConnectionException ? e
            : new RedisConnectionException("cannot connect to " + uri + ": " + rootMessage(e), e);
      }
    }
  }

  /** Tells {@code listener} of every push message (such as tracking invalidations), now and after reconnects. */
  void addPushListener(PushListener listener) {
    synchronized (connecting) {
      pushListeners.add(listener);
      if (connection != null) {
        connection.addListener(listener);
      }
    }
  }

  /** Tells {@code listener} when the connection is lost and when it is back. */
  void addStateListener(RedisConnectionStateListener listener) {
    client.addListener(listener);
  }

  public String uri() {
    return uri;
  }

  Duration timeout() {
    return timeout;
  }

  FailurePolicy policy() {
    return policy;
  }

  Health health() {
    return health;
  }

  /** Operations that failed because Redis did not answer, since the connection opened. */
  public long failures() {
    return health.failures();
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> current;
    synchronized (connecting) {
      closed = true;
      current = connection;
    }
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
