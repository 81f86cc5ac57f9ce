package dev.cachefn.redis.internal;

import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The connections a near cache reads through, each with invalidation tracking on: the one connection to a
 * single server, or on a Redis Cluster Lettuce's connection to every master (the connection Lettuce routes that
 * master's slots through, so writes by this instance and reads share it). Made by {@link #arm}, which turns
 * tracking on for each of them; a near read of a key goes through the connection of the master serving the
 * key's slot in that snapshot, so nothing enters the near cache through a connection without tracking.
 * Immutable.
 */
final class TrackedReaders {

  private final RedisConnection connection;
  private final @Nullable RedisClusterAsyncCommands<String, byte[]> single;
  /** By {@code host:port}: the masters of the cluster when armed. */
  private final Map<String, RedisClusterAsyncCommands<String, byte[]>> masters;
  /** The connections of {@link #masters}. */
  private final Set<Object> connections;
  private final @Nullable Partitions partitions;

  private TrackedReaders(RedisConnection connection, @Nullable RedisClusterAsyncCommands<String, byte[]> single,
      Map<String, RedisClusterAsyncCommands<String, byte[]>> masters, Set<Object> connections,
      @Nullable Partitions partitions) {
    this.connection = connection;
    this.single = single;
    this.masters = masters;
    this.connections = connections;
    this.partitions = partitions;
  }

  /**
   * Turns tracking on for every connection a near read may use: the server's, or those of every master the
   * cluster has now (its topology read afresh first, so that masters added or promoted since are included).
   *
   * @throws Exception if any of them does not confirm it within the timeout
   */
  static TrackedReaders arm(RedisConnection connection) throws Exception {
    long timeout = connection.timeout().toMillis();
    if (!connection.isCluster()) {
      RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
      commands.clientTracking(TrackingArgs.Builder.enabled()).get(timeout, TimeUnit.MILLISECONDS);
      return new TrackedReaders(connection, commands, Map.of(), Set.of(), null);
    }
    StatefulRedisClusterConnection<String, byte[]> cluster = connection.clusterConnection();
    connection.clusterClient().refreshPartitionsAsync().toCompletableFuture().get(timeout, TimeUnit.MILLISECONDS);
    Partitions partitions = cluster.getPartitions().clone();
    Map<String, RedisClusterAsyncCommands<String, byte[]>> masters = new HashMap<>();
    Set<Object> connections = Collections.newSetFromMap(new IdentityHashMap<>());
    for (RedisClusterNode node : partitions) {
      if (!node.is(RedisClusterNode.NodeFlag.UPSTREAM) || node.hasNoSlots()) {
        continue;
      }
      RedisURI uri = node.getUri();
      StatefulRedisConnection<String, byte[]> nodeConnection = cluster.getConnection(uri.getHost(), uri.getPort());
      RedisClusterAsyncCommands<String, byte[]> commands = nodeConnection.async();
      commands.clientTracking(TrackingArgs.Builder.enabled()).get(timeout, TimeUnit.MILLISECONDS);
      String problem = notMaster(commands.role().get(timeout, TimeUnit.MILLISECONDS));
      if (problem != null) {
        throw new IllegalStateException(uri.getHost() + ":" + uri.getPort() + problem);
      }
      masters.put(address(uri), commands);
      connections.add(nodeConnection);
    }
    return new TrackedReaders(connection, null, Map.copyOf(masters), connections, partitions);
  }

  /**
   * Checks that every tracked connection answers and, on a cluster, is still a master (a replica that took
   * over gets the writes); why not, or {@code null} when all is well.
   */
  @Nullable String check() {
    long timeout = connection.timeout().toMillis();
    try {
      if (single != null) {
        single.ping().get(timeout, TimeUnit.MILLISECONDS);
        return null;
      }
      for (Map.Entry<String, RedisClusterAsyncCommands<String, byte[]>> master : masters.entrySet()) {
        String problem = notMaster(master.getValue().role().get(timeout, TimeUnit.MILLISECONDS));
        if (problem != null) {
          return "node " + master.getKey() + problem;
        }
      }
      return null;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return "Redis did not answer a heartbeat: " + RedisConnection.rootMessage(e);
    }
  }

  /**
   * Whether {@code nodes} (a topology Lettuce read) has the masters this snapshot tracks, serving the same slots:
   * a change elsewhere (a replica's offset, a flag) does not matter to the near cache.
   */
  boolean sameMasters(List<RedisClusterNode> nodes) {
    return partitions != null && masters(partitions.getPartitions()).equals(masters(nodes));
  }

  /** Whether Lettuce's current view of the topology has the tracked masters; always true for one server. */
  boolean sameMasters(RedisConnection current) {
    return !current.isCluster() || sameMasters(current.clusterConnection().getPartitions().getPartitions());
  }

  private static Map<String, List<Integer>> masters(List<RedisClusterNode> nodes) {
    Map<String, List<Integer>> slots = new HashMap<>();
    for (RedisClusterNode node : nodes) {
      if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots()) {
        slots.put(address(node.getUri()), node.getSlots());
      }
    }
    return slots;
  }

  /** Whether {@code channel} is one of the connections near reads go through (on a cluster). */
  boolean reads(Object channel) {
    return connections.contains(channel);
  }

  /**
   * The commands through which to read {@code redisKey} so that Redis tracks it for this near cache, or
   * {@code null} when no tracked connection serves its slot.
   */
  @Nullable RedisClusterAsyncCommands<String, byte[]> readerOf(String redisKey) {
    if (single != null) {
      return single;
    }
    RedisClusterNode master = partitions == null ? null : partitions.getMasterBySlot(SlotHash.getSlot(redisKey));
    return master == null ? null : masters.get(address(master.getUri()));
  }

  private static @Nullable String notMaster(List<Object> role) {
    Object name = role.isEmpty() ? null : role.get(0);
    String text = name instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(name);
    return "master".equals(text) ? null : " is no longer a master (its role: " + text + ")";
  }

  private static String address(RedisURI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }
}
