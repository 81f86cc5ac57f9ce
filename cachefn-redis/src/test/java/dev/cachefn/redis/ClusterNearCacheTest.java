package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.redis.internal.KeyLayout;
import dev.cachefn.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances on a real Redis Cluster: every coherence test of {@link NearCacheTest} with keys spread over
 * the slots of three masters, and what only a cluster does: a replica taking over its master (by {@code CLUSTER
 * FAILOVER}, or because the master died) and a node restarting never let an instance serve a value older than
 * the latest acknowledged write once it serves again.
 */
class ClusterNearCacheTest extends NearCacheTest {

  private static final Duration FAILOVER = Duration.ofSeconds(30);

  private final RedisCluster cluster = SharedCluster.cluster();

  @Override
  String uri() {
    return SharedCluster.cluster().uri();
  }

  @Override
  long getCalls() {
    return cluster.nodes().stream().filter(RedisCluster.Node::running)
        .mapToLong(node -> getCalls(node.on(redis -> redis.info("commandstats")))).sum();
  }

  /** The Redis key of {@code key}'s entry: in one of 16 hash-tagged buckets of the namespace. */
  private String entryKey(String key) {
    return "cachefn:{" + namespace.length() + ":" + namespace + "/"
        + KeyLayout.CLUSTER_BUCKET_TAGS.get(Math.floorMod(key.hashCode(), 16)) + "}:k:" + key;
  }

  @Test
  void aNamespaceSpreadsOverSeveralMasters() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      keys.add("user:" + i);
      onA.set("user:" + i, "v" + i);
    }

    long mastersHoldingKeys = cluster.masters().stream()
        .filter(master -> !master.on(redis -> redis.keys("*:" + namespace + "/??}:k:*")).isEmpty())
        .count();

    assertThat(mastersHoldingKeys).as("16 buckets over 3 masters").isEqualTo(3);
    assertThat(onB.getMany(keys)).hasSize(64);
    assertThat(onA.invalidateByPattern("user:1*")).isEqualTo(11);
    // every one: their invalidations come from three masters on three connections, in no order among them
    awaitDroppedOnB(keys.stream().filter(key -> key.startsWith("user:1")).toArray(String[]::new));
    assertThat(onB.getMany(keys)).hasSize(53);
  }

  /**
   * A graceful failover leaves the old master's connection up (it turns replica), so an instance may serve what
   * it read there until its heartbeat's {@code ROLE} check sees the demotion (one heartbeat, 1 s here) and
   * empties the near cache: bounded, and once it moved on it never goes back.
   */
  @Test
  @Timeout(90)
  void afterAGracefulFailoverAnInstanceMovesOnWithinAHeartbeatAndNeverGoesBack() {
    cluster.awaitHealthy();
    onA.set("k", "v1");
    awaitKeptOnB("k", "v1");
    RedisCluster.Node master = cluster.masterOf(entryKey("k"));
    RedisCluster.Node replica = cluster.replicaOf(master);

    cluster.failOverTo(replica);
    onA.set("k", "v2"); // A's client follows the MOVED answer to the new master
    long acknowledged = System.nanoTime();

    AtomicReference<String> last = new AtomicReference<>();
    Await.until("B serves v2 near", FAILOVER, () -> {
      last.set(onB.get("k"));
      if ("v1".equals(last.get())) {
        assertThat(Duration.ofNanos(System.nanoTime() - acknowledged)).as("B serves v1 after v2 was acknowledged")
            .isLessThan(Duration.ofSeconds(1).plus(BOUND));
      }
      return "v2".equals(last.get()) && b.nearCacheHolds(namespace, "k");
    });
    for (int i = 0; i < 100; i++) {
      assertThat(onB.get("k")).isEqualTo("v2");
    }
    onA.set("k", "v3"); // tracked on the promoted master too
    awaitDroppedOnB("k");
    awaitKeptOnB("k", "v3");
    cluster.awaitHealthy();
  }

  @Test
  @Timeout(90)
  void whenAMasterDiesAndComesBackNoInstanceServesAValueOlderThanTheLastAcknowledgedWrite() {
    cluster.awaitHealthy();
    onA.set("k", "v1");
    awaitKeptOnB("k", "v1");
    RedisCluster.Node master = cluster.masterOf(entryKey("k"));
    RedisCluster.Node replica = cluster.replicaOf(master);

    master.stop();
    try {
      Await.until("B empties its near cache on losing a master", BOUND,
          () -> !b.nearCacheHolds(namespace, "k"));
      Await.until("the replica of " + master + " takes over", FAILOVER, replica::isMaster);
      Await.until("A writes v2 to the new master", FAILOVER, () -> succeeds(() -> onA.set("k", "v2")));

      assertNeverOlderOnB("k", "v2", "v1"); // B lost its connection to the master at once: it emptied then
    } finally {
      master.start(); // rejoins as a replica of the new master, empty
      cluster.awaitHealthy();
    }
    onA.set("k", "v3");
    awaitDroppedOnB("k");
    awaitKeptOnB("k", "v3");
  }

  /**
   * Reads {@code key} on B until B serves {@code latest} from its near cache, failing if any read answers
   * {@code older}: the write of {@code latest} was acknowledged before the first of these reads.
   */
  private void assertNeverOlderOnB(String key, String latest, String older) {
    AtomicReference<String> last = new AtomicReference<>();
    Await.until("B serves " + latest + " near", FAILOVER, () -> {
      try {
        last.set(onB.get(key));
      } catch (RedisStorageException e) {
        return false; // B's client may still be finding the new master
      }
      assertThat(last.get()).as("B's read after the write of " + latest).isNotEqualTo(older);
      return latest.equals(last.get()) && b.nearCacheHolds(namespace, key);
    });
  }

  private static boolean succeeds(Runnable action) {
    try {
      action.run();
      return true;
    } catch (RedisStorageException e) {
      return false;
    }
  }
}
