package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.redis.internal.KeyLayout;
import dev.cachefn.testkit.Await;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Moving a slot of a namespace from one master to another while instances write and read it, the way a
 * resharding does ({@code CLUSTER SETSLOT ... IMPORTING/MIGRATING}, {@code MIGRATE} key by key, {@code SETSLOT
 * ... NODE}): while the slot is half moved, Redis refuses the storage's scripts with {@code TRYAGAIN} (they declare
 * two keys that never exist), so no write lands on the new master while the old one still holds the entry; the
 * storage sends a refused script again until the move ends, within its command timeout. Reads from Redis never
 * return a value older than the latest acknowledged write; an instance's near cache, which hears of writes a
 * moment after they are acknowledged, never goes back to an older value and serves the latest one again.
 */
class ClusterReshardingTest {

  private final RedisCluster cluster = SharedCluster.cluster();
  private final String namespace = "reshard-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<AutoCloseable> storages = new ArrayList<>();
  private Runnable moveBack = () -> {};

  @AfterEach
  void closeAndMoveBack() throws Exception {
    for (AutoCloseable storage : storages) {
      storage.close();
    }
    moveBack.run();
    cluster.awaitHealthy();
  }

  private <S extends AutoCloseable> S opened(S storage) {
    storages.add(storage);
    return storage;
  }

  private Cache<String> cache(dev.cachefn.spi.Storage storage) {
    return CacheFn.builder("reshard").namespace(namespace).storage(storage).build();
  }

  /** The prefix of the bucket {@code key} is in (see {@link KeyLayout}). */
  private String bucketPrefix(String key) {
    return "cachefn:{" + namespace.length() + ":" + namespace + "/"
        + KeyLayout.CLUSTER_BUCKET_TAGS.get(Math.floorMod(key.hashCode(), 16)) + "}:";
  }

  /** Keys of the same bucket as {@code key}, so of its slot. */
  private List<String> neighbours(String key, int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; keys.size() < count; i++) {
      if (Math.floorMod(("n" + i).hashCode(), 16) == Math.floorMod(key.hashCode(), 16)) {
        keys.add("n" + i);
      }
    }
    return keys;
  }

  @Test
  @Timeout(60)
  void whileASlotMovesReadersNeverSeeAValueOlderThanTheLatestAcknowledgedWrite() throws Exception {
    // A's writes wait while the slot is half moved: a longer timeout than the default 2 s leaves room for the
    // three steps of the move on this loaded machine
    Cache<String> onA = cache(opened(RedisStorage.builder(cluster.uri()).commandTimeout(Duration.ofSeconds(5))
        .build()));
    TieredStorage b = opened(TieredStorage.create(cluster.uri()));
    Cache<String> onB = cache(b);
    Cache<String> onC = cache(opened(RedisStorage.create(cluster.uri()))); // reads Redis itself
    String prefix = bucketPrefix("k");
    int slot = SlotHash.getSlot(prefix);
    for (String neighbour : neighbours("k", 20)) {
      onA.set(neighbour, "x", SetOptions.tags("t"));
    }
    onA.set("k", "0", SetOptions.tags("t"));
    assertThat(onB.get("k")).isEqualTo("0");
    RedisCluster.Node from = cluster.masterOf(prefix);
    RedisCluster.Node to = cluster.masters().stream().filter(node -> node != from).findFirst().orElseThrow();

    AtomicInteger acknowledged = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      for (int i = 1; !stop.get() && problems.isEmpty(); i++) {
        try {
          onA.set("k", Integer.toString(i), SetOptions.tags("t"));
          acknowledged.set(i);
        } catch (RuntimeException e) {
          problems.add("write " + i + " failed: " + e.getMessage());
        }
      }
    });
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      int lastOnB = 0;
      while (!stop.get() && problems.isEmpty()) {
        java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a read every ~0.1 ms, not a busy core
        int floor = acknowledged.get();
        try {
          String fromRedis = onC.get("k");
          if (fromRedis == null || Integer.parseInt(fromRedis) < floor) {
            problems.add("Redis answered " + fromRedis + " after write " + floor + " was acknowledged");
          }
          String onBNow = onB.get("k");
          if (onBNow == null || Integer.parseInt(onBNow) < lastOnB) {
            problems.add("B read " + onBNow + " after it had read " + lastOnB);
          } else {
            lastOnB = Integer.parseInt(onBNow);
          }
        } catch (RedisStorageException e) {
          problems.add("a read failed: " + e.getMessage());
        }
      }
    });

    Await.until("A writes", DistributedSingleFlightTest.BOUND, () -> none(problems) && acknowledged.get() > 5);
    long refusedBefore = to.tryAgainErrors();
    RedisCluster.beginMoving(slot, from, to);
    moveBack = () -> {
      cluster.move(slot, from, to); // ends the move first if the test stopped half way
      cluster.move(slot, to, from);
    };
    // in three steps, the entry of k last: tag index and tag lists, the other entries, k. A script run on either
    // node meanwhile would find part of what it changes on the other node
    List<String> keys = from.on(redis -> redis.clusterGetKeysInSlot(slot, 1000));
    List<List<String>> steps = List.of(
        keys.stream().filter(key -> !key.startsWith(prefix + "k:")).toList(),
        keys.stream().filter(key -> key.startsWith(prefix + "k:n")).toList(),
        List.of(prefix + "k:k"));
    for (List<String> step : steps) {
      RedisCluster.migrate(from, to, step);
      long refused = to.tryAgainErrors();
      Await.until("A's write is refused while the slot is half moved", DistributedSingleFlightTest.BOUND,
          () -> none(problems) && to.tryAgainErrors() > refused);
    }
    cluster.finishMoving(slot, to);
    moveBack = () -> cluster.move(slot, to, from);
    int afterMove = acknowledged.get();
    Await.until("A writes to the new master", DistributedSingleFlightTest.BOUND,
        () -> none(problems) && acknowledged.get() > afterMove + 5);
    Await.until("B serves the latest write near again", DistributedSingleFlightTest.BOUND, () -> {
      int floor = acknowledged.get();
      String value = onB.get("k");
      return none(problems) && b.nearCacheHolds(namespace, "k") && value != null && Integer.parseInt(value) >= floor;
    });
    stop.set(true);
    writer.get();
    reader.get();

    assertThat(problems).isEmpty();
    assertThat(to.tryAgainErrors() - refusedBefore).as("scripts refused while the slot was half moved")
        .isGreaterThanOrEqualTo(steps.size());
    long left = from.on(redis -> redis.clusterCountKeysInSlot(slot));
    assertThat(left).as("keys left on the old master").isZero();
    assertThat(cluster.masterOf(prefix)).isSameAs(to);
    assertThat(onB.getMany(neighbours("k", 20))).hasSize(20).containsValue("x");
    assertThat(onA.invalidateByTag("t")).isEqualTo(21); // the tag index came along whole
  }

  /** True if nothing went wrong yet; else fails the test with what did. */
  private static boolean none(Collection<String> problems) {
    assertThat(problems).isEmpty();
    return true;
  }

  @Test
  @Timeout(60)
  void aWriteToASlotThatStaysHalfMovedFailsWithTryAgainAndChangesNothing() {
    RedisStorage storage = opened(RedisStorage.builder(cluster.uri()).commandTimeout(Duration.ofMillis(300)).build());
    Cache<String> cache = cache(storage);
    cache.set("k", "old", SetOptions.tags("t"));
    String prefix = bucketPrefix("k");
    int slot = SlotHash.getSlot(prefix);
    RedisCluster.Node from = cluster.masterOf(prefix);
    RedisCluster.Node to = cluster.masters().stream().filter(node -> node != from).findFirst().orElseThrow();
    RedisCluster.beginMoving(slot, from, to);
    moveBack = () -> {
      cluster.move(slot, from, to); // ends the move first
      cluster.move(slot, to, from);
    };
    RedisCluster.migrate(from, to, List.of(prefix + "k:k")); // the entry moved, its tag list not yet

    assertThatThrownBy(() -> cache.set("k", "new", SetOptions.tags("t")))
        .isInstanceOf(RedisStorageException.class).hasMessageContaining("TRYAGAIN");

    assertThat(cache.get("k")).isEqualTo("old");
    List<String> onTheNewMaster = to.on(redis -> redis.clusterGetKeysInSlot(slot, 100));
    assertThat(onTheNewMaster).as("the new master holds the entry, and no tag list written there")
        .containsExactly(prefix + "k:k");
  }
}
