package dev.cachefn.redis.internal;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorageException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * One Lettuce connection shared by every keyspace of a storage (Lettuce multiplexes it between threads):
 * keys as UTF-8 strings, values as bytes. It reconnects by itself; while disconnected, commands fail at once
 * instead of queueing, and every command times out after the configured timeout. Not an API.
 */
public final class RedisConnection implements AutoCloseable {

  private final String uri;
  private final Duration timeout;
  private final FailurePolicy policy;
  private final Health health;
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;

  private RedisConnection(String uri, Duration timeout, FailurePolicy policy, RedisClient client,
      StatefulRedisConnection<String, byte[]> connection) {
    this.uri = uri;
    this.timeout = timeout;
    this.policy = policy;
    this.health = new Health(uri, policy == FailurePolicy.BYPASS
        ? "reads answer a miss and writes are dropped until it does (removals still fail)"
        : "operations fail until it does");
    this.client = client;
    this.connection = connection;
  }

  /**
   * Connects to {@code uri}.
   *
   * @throws IllegalArgumentException if {@code uri} is not a Redis URI
   * @throws RedisStorageException if Redis cannot be reached
   */
  public static RedisConnection open(String uri, Duration timeout, FailurePolicy policy) {
    RedisURI redisUri;
    try {
      redisUri = RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "uri must be a Redis URI such as redis://127.0.0.1:6379, got '" + uri + "': " + e.getMessage(), e);
    }
    redisUri.setTimeout(timeout);
    String display = display(redisUri);
    RedisClient client = RedisClient.create(redisUri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    try {
      StatefulRedisConnection<String, byte[]> connection =
          client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      return new RedisConnection(display, timeout, policy, client, connection);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw new RedisStorageException("connect", display, "cannot connect to Redis at " + display + " (the uri"
          + " given to RedisStorage, or the cachefn.redis.uri setting): " + rootMessage(e), e);
    }
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
    String message = root == failure ? String.valueOf(failure.getMessage())
        : failure.getMessage() + " (" + root.getMessage() + ")";
    return message;
  }

  RedisAsyncCommands<String, byte[]> commands() {
    return connection.async();
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
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
