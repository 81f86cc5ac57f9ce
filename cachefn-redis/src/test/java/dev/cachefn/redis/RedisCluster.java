package dev.cachefn.redis;

import dev.cachefn.testkit.Await;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis Cluster of child {@code redis-server} processes on free loopback ports: three masters, each with
 * one replica, made by {@code redis-cli --cluster create}, without persistence. Nodes can be stopped and started
 * again (they rejoin with their node id, empty) and a replica can take over its master ({@code CLUSTER
 * FAILOVER}). Skipped or failed like {@link RedisServer} when {@code redis-server} is not installed.
 */
final class RedisCluster implements AutoCloseable {

  /** How long a node may be silent before the others fail it over; short, so that failover tests are quick. */
  static final int NODE_TIMEOUT_MILLIS = 1000;
  private static final Duration BOUND = Duration.ofSeconds(20);
  /** Threads for the short-lived clients that look at single nodes. */
  private static final ClientResources RESOURCES = DefaultClientResources.builder().ioThreadPoolSize(1)
      .computationThreadPoolSize(1).build();

  /** One node: a port, its process when running. */
  final class Node {
    final int port;
    private Process process;

    Node(int port) {
      this.port = port;
    }

    void start() {
      try {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--cluster-enabled", "yes", "--cluster-config-file",
            "nodes-" + port + ".conf", "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MILLIS),
            "--dir", directory.toString())
            .redirectErrorStream(true).redirectOutput(directory.resolve(port + ".log").toFile()).start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start redis-server: " + e.getMessage(), e);
      }
      Await.until("node " + port + " answers PING", BOUND, () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("redis-server on port " + port + " exited; see " + directory);
        }
        try {
          return "PONG".equals(on(RedisCommands::ping));
        } catch (RuntimeException e) {
          return false;
        }
      });
    }

    void stop() {
      if (process != null) {
        RedisServer.stop(process);
        process = null;
      }
    }

    boolean running() {
      return process != null;
    }

    /** Runs {@code command} on this node alone. */
    <T> T on(java.util.function.Function<RedisCommands<String, String>, T> command) {
      RedisClient client = RedisClient.create(RESOURCES, "redis://127.0.0.1:" + port);
      client.setDefaultTimeout(Duration.ofSeconds(2));
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        return command.apply(connection.sync());
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      }
    }

    String id() {
      return on(RedisCommands::clusterMyId);
    }

    /** How many commands this node refused with {@code TRYAGAIN} since it started. */
    long tryAgainErrors() {
      java.util.regex.Matcher count = java.util.regex.Pattern.compile("errorstat_TRYAGAIN:count=(\\d+)")
          .matcher(on(redis -> redis.info("errorstats")));
      return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    boolean isMaster() {
      return on(redis -> redis.info("replication")).contains("role:master");
    }

    @Override
    public String toString() {
      return "127.0.0.1:" + port;
    }
  }

  private final Path directory;
  private final List<Node> nodes = new ArrayList<>();

  private RedisCluster(Path directory) {
    this.directory = directory;
  }

  /** Starts six nodes and makes them a cluster of three masters with a replica each. */
  static RedisCluster start() {
    RedisServer.requireInstalled();
    RedisCluster cluster;
    try {
      cluster = new RedisCluster(Files.createTempDirectory("cachefn-cluster"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (int i = 0; i < 6; i++) {
        Node node = cluster.new Node(freeClusterPort(cluster.nodes));
        cluster.nodes.add(node);
        node.start();
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cluster.nodes.forEach(node -> create.add(node.toString()));
      create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
      Process process = new ProcessBuilder(create).redirectErrorStream(true)
          .redirectOutput(cluster.directory.resolve("create.log").toFile()).start();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("redis-cli --cluster create failed; see " + cluster.directory);
      }
      cluster.awaitHealthy();
      return cluster;
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      cluster.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The URI for the storages: three seed nodes. */
  String uri() {
    return "redis-cluster://" + nodes.get(0) + "," + nodes.get(1) + "," + nodes.get(2);
  }

  List<Node> nodes() {
    return nodes;
  }

  /** The running nodes that are masters now. */
  List<Node> masters() {
    return nodes.stream().filter(Node::running).filter(Node::isMaster).toList();
  }

  /** The running replica of {@code master}. */
  Node replicaOf(Node master) {
    String id = master.on(redis -> redis.clusterMyId());
    return nodes.stream().filter(Node::running).filter(node -> node != master)
        .filter(node -> node.on(redis -> redis.clusterNodes()).lines()
            .anyMatch(line -> line.contains("myself") && line.contains("slave " + id)))
        .findFirst().orElseThrow(() -> new IllegalStateException("no replica of " + master));
  }

  /** The master that serves {@code redisKey} now. */
  Node masterOf(String redisKey) {
    long slot = io.lettuce.core.cluster.SlotHash.getSlot(redisKey);
    return masters().stream().filter(node -> node.on(redis -> redis.clusterNodes()).lines()
        .filter(line -> line.contains("myself")).anyMatch(line -> servesSlot(line, slot)))
        .findFirst().orElseThrow(() -> new IllegalStateException("no master serves slot " + slot));
  }

  /**
   * Starts moving {@code slot} from master {@code from} to master {@code to}, as a resharding does: {@code to}
   * imports it, {@code from} migrates it; its keys stay where they are until {@link #migrate} moves them.
   */
  static void beginMoving(int slot, Node from, Node to) {
    to.on(redis -> redis.clusterSetSlotImporting(slot, from.id()));
    from.on(redis -> redis.clusterSetSlotMigrating(slot, to.id()));
  }

  /** Moves {@code redisKeys} (of a slot being moved) from {@code from} to {@code to} with {@code MIGRATE}. */
  static void migrate(Node from, Node to, List<String> redisKeys) {
    from.on(redis -> redis.migrate("127.0.0.1", to.port, 0, 5000,
        io.lettuce.core.MigrateArgs.Builder.keys(redisKeys)));
  }

  /** Ends moving {@code slot}: every master learns that {@code to} serves it ({@code to} first, as redis-cli does). */
  void finishMoving(int slot, Node to) {
    String id = to.id();
    to.on(redis -> redis.clusterSetSlotNode(slot, id));
    masters().stream().filter(node -> node != to)
        .forEach(node -> node.on(redis -> redis.clusterSetSlotNode(slot, id)));
  }

  /** Moves {@code slot} with all its keys from {@code from} to {@code to}. */
  void move(int slot, Node from, Node to) {
    beginMoving(slot, from, to);
    List<String> keys;
    while (!(keys = from.on(redis -> redis.clusterGetKeysInSlot(slot, 100))).isEmpty()) {
      migrate(from, to, keys);
    }
    finishMoving(slot, to);
  }

  private static boolean servesSlot(String nodesLine, long slot) {
    String[] fields = nodesLine.split(" ");
    for (int i = 8; i < fields.length; i++) {
      String range = fields[i];
      if (range.startsWith("[")) {
        continue;
      }
      String[] bounds = range.split("-");
      long from = Long.parseLong(bounds[0]);
      long to = bounds.length > 1 ? Long.parseLong(bounds[1]) : from;
      if (slot >= from && slot <= to) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits until every running node sees every slot served and agrees that three masters serve them, and every
   * replica is in sync with its master (a graceful failover needs that).
   */
  void awaitHealthy() {
    Await.until("the cluster serves every slot", BOUND, () -> nodes.stream().filter(Node::running)
        .allMatch(node -> {
          try {
            String replication = node.on(redis -> redis.info("replication"));
            return node.on(redis -> redis.clusterInfo()).contains("cluster_state:ok")
                && node.on(redis -> redis.clusterNodes()).lines()
                    .filter(line -> line.contains("master") && !line.contains("fail")).count() == 3
                && (replication.contains("role:master") || replication.contains("master_link_status:up"));
          } catch (RuntimeException e) {
            return false;
          }
        }));
  }

  /**
   * Makes {@code replica} take over from its master by {@code CLUSTER FAILOVER}, asking again if a try times
   * out (Redis gives up a manual failover after a while when the master is slow to pause its clients).
   */
  void failOverTo(Node replica) {
    Await.until("replica " + replica + " takes over", BOUND.multipliedBy(2), () -> {
      replica.on(redis -> redis.clusterFailover(false));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline) {
        if (replica.isMaster()) {
          return true;
        }
        RedisServer.sleep(20);
      }
      return false;
    });
  }

  private static int freeClusterPort(List<Node> taken) {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port + 10_000 > 65_535 || taken.stream().anyMatch(node -> node.port == port)) {
          continue;
        }
        try (ServerSocket bus = new ServerSocket(port + 10_000)) {
          return port;
        } catch (IOException busTaken) {
          // try another
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    nodes.forEach(Node::stop);
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory
    }
  }
}
