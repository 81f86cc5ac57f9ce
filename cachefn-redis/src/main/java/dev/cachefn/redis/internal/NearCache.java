package dev.cachefn.redis.internal;

import dev.cachefn.Ticker;
import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory first level of a tiered storage, kept coherent with Redis by server-assisted client-side
 * caching: the connection runs {@code CLIENT TRACKING ON} (RESP3), so Redis remembers the keys this instance
 * read and pushes an {@code invalidate} message on the same connection when any client changes, deletes or
 * expires one of them, or flushes the database (a {@code null} message: everything).
 *
 * <p><b>Serving.</b> The near entries are served only while tracking is known to be on for the live
 * connection ({@link #serving()}). When the connection is lost (Lettuce's disconnect event), a heartbeat
 * {@code PING} fails, or tracking is not yet on, the near cache stops serving and is emptied; it serves again
 * only after {@code CLIENT TRACKING ON} was answered on the new connection, and after emptying it once more.
 * Invalidations lost while disconnected therefore never matter: nothing cached before the loss survives it.
 *
 * <p><b>Loading.</b> A value read from Redis enters the near cache only if no invalidation of its key, no
 * local write of it and no loss of connection happened since the read was sent: a {@link Load} token is
 * registered before the read and must still be there, under the key's lock, when the value is stored. Redis
 * sends the invalidation of a change that follows the read after the read's answer, on the same connection,
 * so an invalidation cannot slip between the read and the store unseen. Thread-safe.
 */
public final class NearCache implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("dev.cachefn.redis");
  private static final int STRIPES = 64;
  private static final RemovalListener<Object> IGNORED = new RemovalListener<>() {
    @Override
    public void evicted(String key, Object value) {}

    @Override
    public void expired(String key, Object value) {}
  };

  /** A read from Redis whose answer may enter the near cache. */
  static final class Load {
    final NearKey key;
    final long generation;

    Load(NearKey key, long generation) {
      this.key = key;
      this.generation = generation;
    }
  }

  private final RedisConnection connection;
  private final MemoryStorage memory = MemoryStorage.create();
  private final Map<String, Keyspace<Object>> namespaces = new ConcurrentHashMap<>();
  private final Map<NearKey, Load> pending = new ConcurrentHashMap<>();
  private final Object[] stripes = new Object[STRIPES];
  private final Object state = new Object();
  private final ScheduledExecutorService heartbeat;
  private volatile boolean serving;
  private volatile long generation;

  /** Starts tracking on {@code connection}: now when it is connected, else in the background. */
  public NearCache(RedisConnection connection, Duration heartbeatInterval, boolean armNow) {
    this.connection = connection;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "cachefn-near-cache " + connection.uri());
      thread.setDaemon(true);
      return thread;
    });
    connection.addPushListener(this::pushed);
    connection.addStateListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> channel) {
        stopServing("the connection to Redis was lost");
      }

      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> channel, java.net.SocketAddress address) {
        try {
          heartbeat.execute(NearCache.this::tick);
        } catch (RejectedExecutionException closed) {
          // closing
        }
      }
    });
    if (armNow) {
      arm();
    }
    long millis = Math.max(1, heartbeatInterval.toMillis());
    heartbeat.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** The near keyspace of {@code namespace}: one per namespace, bounded by the first opener's maxSize. */
  @SuppressWarnings("unchecked")
  <V> Keyspace<V> namespace(String namespace, long maxSize) {
    return (Keyspace<V>) namespaces.computeIfAbsent(namespace,
        ns -> memory.open(new KeyspaceSettings(ns, maxSize, Ticker.system()), IGNORED));
  }

  /** Whether near entries may be served: tracking is on for the live connection. */
  public boolean serving() {
    return serving;
  }

  /** Registers a read of {@code key} about to be sent; {@code null} when the near cache is not serving. */
  @Nullable Load begin(String namespace, String key) {
    long current = generation;
    if (!serving) {
      return null;
    }
    Load load = new Load(new NearKey(namespace, key), current);
    pending.put(load.key, load);
    return load;
  }

  /**
   * Stores what {@code load} read in the near cache, unless its key was invalidated, written locally or the
   * connection lost since the read was sent. Ends the load either way.
   */
  <V> void complete(Load load, V value, @Nullable Duration ttl, Set<String> tags) {
    Keyspace<Object> near = namespaces.get(load.key.namespace());
    synchronized (stripe(load.key)) {
      boolean current = pending.remove(load.key, load);
      if (current && near != null && serving && generation == load.generation) {
        near.put(load.key.key(), value, ttl, tags);
      }
    }
  }

  /** Ends {@code load} without storing anything. */
  void abandon(Load load) {
    pending.remove(load.key, load);
  }

  /** Drops the near entry of {@code key} and voids reads of it in flight. */
  void invalidate(String namespace, String key) {
    NearKey nearKey = new NearKey(namespace, key);
    Keyspace<Object> near = namespaces.get(namespace);
    synchronized (stripe(nearKey)) {
      pending.remove(nearKey);
      if (near != null) {
        near.remove(key);
      }
    }
  }

  /** Voids every read in flight in {@code namespace}; the caller then removes near entries in bulk. */
  void voidLoads(String namespace) {
    pending.keySet().removeIf(key -> key.namespace().equals(namespace));
  }

  /** How many entries the near cache holds, over every namespace. */
  public long size() {
    return namespaces.values().stream().mapToLong(Keyspace::size).sum();
  }

  /** Whether the near cache holds {@code key} of {@code namespace}. */
  public boolean holds(String namespace, String key) {
    Keyspace<Object> near = namespaces.get(namespace);
    return near != null && near.contains(key);
  }

  // ---- invalidation messages and the connection's state ---------------------------------------------

  private void pushed(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
    Object keys = content.size() > 1 ? content.get(1) : null;
    if (!(keys instanceof List<?> list)) {
      emptyAll(); // FLUSHDB / FLUSHALL: every key is invalid
      return;
    }
    for (Object redisKey : list) {
      NearKey entry = redisKey == null ? null : KeyLayout.entryOf(redisKey.toString());
      if (entry != null) {
        invalidate(entry.namespace(), entry.key());
      }
    }
  }

  /** Runs on the heartbeat thread: turns tracking on when it is off, else checks that Redis answers. */
  private void tick() {
    if (!serving) {
      arm();
      return;
    }
    try {
      connection.commands().ping().toCompletableFuture()
          .get(connection.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      stopServing("Redis did not answer a heartbeat PING: " + RedisConnection.rootMessage(e));
    }
  }

  /** Turns tracking on for the current connection; serves once Redis confirmed it. */
  private void arm() {
    long before;
    synchronized (state) {
      if (serving) {
        return;
      }
      before = generation;
    }
    try {
      connection.commands().clientTracking(TrackingArgs.Builder.enabled()).toCompletableFuture()
          .get(connection.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return; // the next tick tries again
    }
    emptyNamespaces();
    synchronized (state) {
      if (generation != before) {
        return; // lost again meanwhile: the next tick tries again
      }
      generation++;
      serving = true;
    }
    LOG.log(Level.DEBUG, "near cache on {0} serves: invalidation tracking is on", connection.uri());
  }

  private void stopServing(@Nullable String why) {
    boolean was;
    synchronized (state) {
      was = serving;
      serving = false;
      generation++;
    }
    emptyNamespaces();
    if (was && why != null) {
      LOG.log(Level.INFO, "near cache on {0} emptied and not served until tracking is on again: {1}",
          connection.uri(), why);
    }
  }

  private void emptyAll() {
    synchronized (state) {
      generation++;
    }
    emptyNamespaces();
  }

  /** Empties every namespace; loads that passed their check before this are done, later ones fail it. */
  private void emptyNamespaces() {
    for (Object stripe : stripes) {
      synchronized (stripe) {
        // a barrier: a store that checked the old generation has finished
      }
    }
    pending.clear();
    namespaces.values().forEach(Keyspace::clear);
  }

  private Object stripe(NearKey key) {
    return stripes[(key.hashCode() & 0x7fffffff) % STRIPES];
  }

  /** Stops the heartbeat and empties the near cache; the connection is closed by its owner. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    stopServing(null);
  }
}
