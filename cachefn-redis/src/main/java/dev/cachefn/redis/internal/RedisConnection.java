package dev.cachefn.redis.internal;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorageException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One Lettuce connection shared by every keyspace of a storage (Lettuce multiplexes it between threads): keys
 * as UTF-8 strings, values as bytes. To one server, or to a Redis Cluster ({@value #CLUSTER_SCHEME} URIs): then
 * Lettuce keeps a connection per node, routes each command by its key's slot, follows {@code MOVED}/{@code ASK}
 * redirections and refreshes its view of the cluster every {@value #TOPOLOGY_REFRESH_SECONDS} s and whenever a
 * redirection or a lost node suggests a change. It reconnects by itself; while disconnected, commands fail at
 * once instead of queueing, commands in flight when it dropped are not replayed, and every command times out
 * after the configured timeout. A lazy connection connects at its first command, and after a failed attempt
 * tries again at most every {@value #RETRY_MILLIS} ms (failing at once in between). Not an API.
 */
public final class RedisConnection implements AutoCloseable {

  static final long RETRY_MILLIS = 500;
  /** The scheme of a cluster URI; {@code rediss-cluster://} for TLS. */
  static final String CLUSTER_SCHEME = "redis-cluster://";
  /**
   * How often the cluster's topology is read when nothing suggested a change: Lettuce's recommended order of
   * magnitude; the near cache does not depend on it (its heartbeat asks every node it reads from for its role).
   */
  static final long TOPOLOGY_REFRESH_SECONDS = 30;

  private final String uri;
  private final Duration timeout;
  private final FailurePolicy policy;
  private final Health health;
  private final AbstractRedisClient client;
  private final boolean cluster;
  private final List<Consumer<PushMessage>> pushListeners = new CopyOnWriteArrayList<>();
  private final Object connecting = new Object();
  private volatile @Nullable StatefulConnection<String, byte[]> connection;
  private volatile @Nullable RedisClusterAsyncCommands<String, byte[]> commands;
  private long nextAttemptNanos;
  private @Nullable RuntimeException lastFailure;
  private volatile boolean closed;

  private RedisConnection(String uri, Duration timeout, FailurePolicy policy, AbstractRedisClient client) {
    this.uri = uri;
    this.timeout = timeout;
    this.policy = policy;
    this.health = new Health(uri, policy == FailurePolicy.BYPASS
        ? "reads answer a miss and writes are dropped until it does (removals still fail)"
        : "operations fail until it does");
    this.client = client;
    this.cluster = client instanceof RedisClusterClient;
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
    List<RedisURI> redisUris = parse(uri);
    redisUris.forEach(each -> each.setTimeout(timeout));
    ClientOptions.Builder options;
    AbstractRedisClient client;
    if (isCluster(uri)) {
      client = RedisClusterClient.create(redisUris);
      options = ClusterClientOptions.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
          .enablePeriodicRefresh(Duration.ofSeconds(TOPOLOGY_REFRESH_SECONDS))
          .enableAllAdaptiveRefreshTriggers()
          .build());
    } else {
      client = RedisClient.create(redisUris.get(0));
      options = ClientOptions.builder();
    }
    options.autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        // at most once: a command in flight when the connection drops is never sent again after reconnecting
        // (it fails by timeout), so a write whose caller saw it fail is not sent twice
        .replayFilter(command -> true)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout));
    if (resp3) {
      options.protocolVersion(ProtocolVersion.RESP3);
    }
    if (client instanceof RedisClusterClient clusterClient) {
      clusterClient.setOptions((ClusterClientOptions) options.build());
    } else {
      ((RedisClient) client).setOptions(options.build());
    }
    RedisConnection connection = new RedisConnection(display(uri, redisUris), timeout, policy, client);
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

  static boolean isCluster(String uri) {
    return uri.startsWith(CLUSTER_SCHEME) || uri.startsWith("rediss-cluster://");
  }

  /**
   * The URIs of {@code uri}: one, or for {@code redis-cluster://[user:password@]host:port[,host:port...]} one
   * per seed node, each with the credentials.
   */
  static List<RedisURI> parse(String uri) {
    try {
      if (!isCluster(uri)) {
        return List.of(RedisURI.create(uri));
      }
      boolean tls = uri.startsWith("rediss");
      String rest = uri.substring(uri.indexOf("://") + 3);
      int at = rest.lastIndexOf('@');
      String credentials = at < 0 ? "" : rest.substring(0, at + 1);
      String hosts = at < 0 ? rest : rest.substring(at + 1);
      if (hosts.contains("/") || hosts.contains("?") || hosts.isBlank()) {
        throw new IllegalArgumentException("a cluster URI names seed nodes only (host:port, comma-separated),"
            + " no database or options");
      }
      List<RedisURI> seeds = new ArrayList<>();
      for (String host : hosts.split(",", -1)) {
        if (host.isBlank()) {
          throw new IllegalArgumentException("empty seed node");
        }
        seeds.add(RedisURI.create((tls ? "rediss://" : "redis://") + credentials + host.trim()));
      }
      return seeds;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("uri must be a Redis URI such as redis://127.0.0.1:6379 or "
          + CLUSTER_SCHEME + "10.0.0.1:7000,10.0.0.2:7000, got '" + uri + "': " + e.getMessage(), e);
    }
  }

  /** The URI without password. */
  static String display(String uri, List<RedisURI> parsed) {
    if (parsed.size() > 1 || isCluster(uri)) {
      StringBuilder text = new StringBuilder(uri.startsWith("rediss") ? "rediss-cluster://" : CLUSTER_SCHEME);
      for (int i = 0; i < parsed.size(); i++) {
        text.append(i == 0 ? "" : ",").append(parsed.get(i).getHost()).append(':').append(parsed.get(i).getPort());
      }
      return text.toString();
    }
    RedisURI one = parsed.get(0);
    if (one.getHost() == null) {
      return one.getSocket() != null ? "redis-socket://" + one.getSocket() : "redis (sentinel)";
    }
    return (one.isSsl() ? "rediss" : "redis") + "://" + one.getHost() + ":" + one.getPort()
        + (one.getDatabase() != 0 ? "/" + one.getDatabase() : "");
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
   * The commands of the connection, connecting first if it is lazy and not connected yet. On a cluster they
   * route each command to the node of its key's slot (multi-key commands such as {@code MGET} are split).
   *
   * @throws RedisConnectionException if it cannot connect (an outage for {@link Health})
   */
  RedisClusterAsyncCommands<String, byte[]> commands() {
    RedisClusterAsyncCommands<String, byte[]> current = commands;
    if (current != null) {
      return current;
    }
    connected();
    return commands;
  }

  /** Whether this is a connection to a Redis Cluster. */
  public boolean isCluster() {
    return cluster;
  }

  /** The cluster connection, connecting first; only for a cluster. */
  StatefulRedisClusterConnection<String, byte[]> clusterConnection() {
    return (StatefulRedisClusterConnection<String, byte[]>) connected();
  }

  /** The cluster client; only for a cluster. */
  RedisClusterClient clusterClient() {
    return (RedisClusterClient) client;
  }

  private StatefulConnection<String, byte[]> connected() {
    StatefulConnection<String, byte[]> current = connection;
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
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        StatefulConnection<String, byte[]> opened;
        if (client instanceof RedisClusterClient clusterClient) {
          StatefulRedisClusterConnection<String, byte[]> clustered = clusterClient.connect(codec);
          clustered.addListener((node, message) -> pushListeners.forEach(listener -> listener.accept(message)));
          commands = clustered.async();
          opened = clustered;
        } else {
          StatefulRedisConnection<String, byte[]> single = ((RedisClient) client).connect(codec);
          single.addListener(message -> pushListeners.forEach(listener -> listener.accept(message)));
          commands = single.async();
          opened = single;
        }
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

  /**
   * Tells {@code listener} of every push message (such as tracking invalidations) from any node, now and
   * after reconnects.
   */
  void addPushListener(Consumer<PushMessage> listener) {
    pushListeners.add(listener);
  }

  /** A new publish/subscribe connection (to any node of a cluster: Redis passes messages between nodes). */
  StatefulRedisPubSubConnection<String, byte[]> openPubSub() {
    RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    return client instanceof RedisClusterClient clusterClient ? clusterClient.connectPubSub(codec)
        : ((RedisClient) client).connectPubSub(codec);
  }

  /** Tells {@code listener} when a connection (to any node of a cluster) is lost and when it is back. */
  void addStateListener(RedisConnectionStateListener listener) {
    client.addListener(listener);
  }

  /** Lettuce's events, such as a change of the cluster's topology. */
  io.lettuce.core.event.EventBus events() {
    return client.getResources().eventBus();
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
    StatefulConnection<String, byte[]> current;
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
