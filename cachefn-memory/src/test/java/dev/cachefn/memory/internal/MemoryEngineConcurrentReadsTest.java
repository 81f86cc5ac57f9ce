package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Ticker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Concurrent readers and writers (sampled recency, lock-free value swaps, evictions) never break the
 * engine's invariants: once the threads are joined, the eviction order holds exactly the entries of the
 * table, the size matches and stays within the bound, and every value read is one that was written for
 * its key. The threads' interleaving varies from run to run; the checks hold for every interleaving.
 */
class MemoryEngineConcurrentReadsTest {

  private static final int THREADS = 4;
  private static final int OPERATIONS = 200_000;
  private static final int MAX_SIZE = 200;
  private static final int KEYS = 400;

  @Test
  void readsWritesAndEvictionsFromSeveralThreadsLeaveAConsistentEngine() throws Exception {
    LruOrder<String> order = new LruOrder<>();
    MemoryEngine<String> engine = new MemoryEngine<>("concurrent", MAX_SIZE, Ticker.system(), order);
    Set<String> wrongValues = ConcurrentHashMap.newKeySet();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int seed = t;
      Thread thread = new Thread(() -> {
        await(start);
        int x = seed * 7919;
        for (int i = 0; i < OPERATIONS; i++) {
          x = x * 1103515245 + 12345;
          String key = "k" + Math.floorMod(x >>> 8, KEYS);
          if ((i & 3) == 0) {
            engine.put(key, key + "=" + (i & 1), null, Set.of()); // two values per key, same size
          } else {
            String value = engine.get(key);
            if (value != null && !value.startsWith(key + "=")) {
              wrongValues.add(key + " -> " + value);
            }
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(wrongValues).isEmpty();
    engine.put("last", "last=0", null, Set.of()); // replays what is still buffered, under the lock
    Set<Node<String>> inTable = new HashSet<>();
    engine.nodes().forEachRemaining(inTable::add);
    List<Node<String>> ordered = orderOf(order);
    assertThat(engine.size()).isEqualTo(inTable.size()).isLessThanOrEqualTo(MAX_SIZE);
    assertThat(ordered).hasSize(inTable.size());
    assertThat(inTable).containsExactlyInAnyOrderElementsOf(ordered);
    assertThat(ordered).noneMatch(Node::isRetired);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The LRU list from least to most recent, walked by its links (a cycle or a broken link fails). */
  private static List<Node<String>> orderOf(EvictionOrder<String> order) {
    List<Node<String>> nodes = new ArrayList<>();
    Node<String> previous = null;
    for (Node<String> node = order.victim(); node != null; node = node.next) {
      assertThat(node.previous).as("back link of %s", node.key).isSameAs(previous);
      nodes.add(node);
      assertThat(nodes.size()).as("the list has a cycle").isLessThanOrEqualTo(MAX_SIZE + 1);
      previous = node;
    }
    return nodes;
  }
}
