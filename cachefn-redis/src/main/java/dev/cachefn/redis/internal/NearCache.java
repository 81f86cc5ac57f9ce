package dev.cachefn.redis.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
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
import reactor.core.Disposable;

/**
 * The in-memory first level of a tiered storage, kept coherent with Redis by server-assisted client-side
 * caching: the connection runs {@code CLIENT TRACKING ON} (RESP3), so Redis remembers the keys this instance
 * read and pushes an {@code invalidate} message on the same connection when any client changes, deletes or
 * expires one of them, or flushes the database (a {@code null} message: everything). On a Redis Cluster the same
 * holds for Lettuce's connection to every master ({@link TrackedReaders}); near reads go only through those.
 *
 * <p><b>Serving.</b> The near entries are served only while tracking is known to be on for the live
 * connection ({@link #serving()}). When the connection is lost (Lettuce's disconnect event, for any node of a
 * cluster), a heartbeat {@code PING} fails, tracking is not yet on, or on a cluster the topology changed (Lettuce's
 * event, a {@code MOVED} answer to a near read, or a tracked master that the heartbeat's {@code ROLE} finds
 * demoted), the near cache stops serving and is emptied; it serves again only after {@code CLIENT TRACKING ON}
 * was answered on the new connection (on every master of the topology read afresh), and after emptying it once
 * more.
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

  /** A read from Redis whose answer may enter the near cache, and the tracked connection to send it on. */
  static final class Load {
    final NearKey key;
    final long generation;
    final RedisClusterAsyncCommands<String, byte[]> reader;

    Load(NearKey key, long generation, RedisClusterAsyncCommands<String, byte[]> reader) {
      this.key = key;
      this.generation = generation;
      this.reader = reader;
    }
  }

  private final RedisConnection connection;
  private final MemoryStorage memory = MemoryStorage.create();
  private final Map<String, Keyspace<Object>> namespaces = new ConcurrentHashMap<>();
  private final Map<NearKey, Load> pending = new ConcurrentHashMap<>();
  private final Object[] stripes = new Object[STRIPES];
  private final Object state = new Object();
  private final Object arming = new Object();
  private final ScheduledExecutorService heartbeat;
  private final @Nullable Disposable topologyEvents;
  private volatile @Nullable TrackedReaders readers;
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
        TrackedReaders tracked = readers;
        if (!connection.isCluster()) {
          stopServing("the connection to Redis was lost");
        } else if (tracked != null && tracked.reads(channel)) { // not Lettuce's own short-lived topology reads
          stopServing("the connection to a master of the Redis Cluster was lost");
        }
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
    this.topologyEvents = !connection.isCluster() ? null : connection.events().get()
        .filter(event -> event instanceof ClusterTopologyChangedEvent)
        .subscribe(event -> topologyChanged((ClusterTopologyChangedEvent) event));
    if (armNow) {
      arm();
    }
    long millis = Math.max(1, heartbeatInterval.toMillis());
    heartbeat.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * The near keyspace of {@code namespace}: one per namespace, bounded by the first opener's maxSize and
   * evicting by its policy.
   */
  @SuppressWarnings("unchecked")
  <V> Keyspace<V> namespace(String namespace, long maxSize, EvictionPolicy policy) {
    return (Keyspace<V>) namespaces.computeIfAbsent(namespace,
        ns -> memory.open(new KeyspaceSettings(ns, maxSize, Ticker.system(), policy), IGNORED));
  }

  /** Whether near entries may be served: tracking is on for the live connection. */
  public boolean serving() {
    return serving;
  }

  /**
   * Registers a read of {@code key} (whose entry is {@code redisKey}) about to be sent; {@code null} when the
   * near cache is not serving, or no tracked connection serves the key's slot.
   */
  @Nullable Load begin(String namespace, String key, String redisKey) {
    long current = generation;
    TrackedReaders tracked = readers;
    if (!serving || tracked == null) {
      return null;
    }
    RedisClusterAsyncCommands<String, byte[]> reader = tracked.readerOf(redisKey);
    if (reader == null) {
      return null;
    }
    Load load = new Load(new NearKey(namespace, key), current, reader);
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

  /**
   * Runs on the heartbeat thread: turns tracking on when it is off, else checks that every tracked connection
   * answers (and, on a cluster, still leads to a master).
   */
  private void tick() {
    TrackedReaders tracked = readers;
    if (!serving || tracked == null) {
      arm();
      return;
    }
    String problem = tracked.check();
    if (problem != null) {
      stopServing(problem);
    }
  }

  /**
   * Lettuce read a topology that differs from the one before: stop serving unless the tracked masters and their
   * slots are the same. While not serving, {@link #arm} checks the topology itself, before and after it serves.
   */
  private void topologyChanged(ClusterTopologyChangedEvent event) {
    TrackedReaders tracked = readers;
    if (serving && tracked != null && !tracked.sameMasters(event.after())) {
      stopServing("the Redis Cluster's masters or their slots changed");
    }
  }

  /**
   * A near read found its key's slot served elsewhere ({@code MOVED}/{@code ASK}): the topology changed under
   * the tracked connections, so stop serving until they are armed again.
   */
  void slotMoved(String why) {
    stopServing("a slot moved: " + why);
  }

  /** Turns tracking on for the current connection; serves once Redis confirmed it. */
  private void arm() {
    synchronized (arming) { // the constructor and the heartbeat may both try; the second finds it serving
      armOnce();
    }
  }

  private void armOnce() {
    long before;
    synchronized (state) {
      if (serving) {
        return;
      }
      before = generation;
    }
    TrackedReaders armed;
    try {
      armed = TrackedReaders.arm(connection);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return; // the next tick tries again
    }
    if (!armed.sameMasters(connection)) {
      return; // the topology moved on meanwhile: the next tick tries again
    }
    emptyNamespaces();
    synchronized (state) {
      if (generation != before) {
        return; // lost again meanwhile: the next tick tries again
      }
      generation++;
      readers = armed;
      serving = true;
    }
    if (!armed.sameMasters(connection)) { // a change the event handler may have missed while not serving
      stopServing("the Redis Cluster's masters or their slots changed while tracking was turned on");
      return;
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
    if (topologyEvents != null) {
      topologyEvents.dispose();
    }
    heartbeat.shutdownNow();
    stopServing(null);
  }
}
