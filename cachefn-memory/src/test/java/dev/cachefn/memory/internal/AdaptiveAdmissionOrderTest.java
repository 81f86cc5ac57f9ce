package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** The window / probation / protected policy, driven as the engine drives it. */
class AdaptiveAdmissionOrderTest {

  private final Map<String, Node<String>> live = new HashMap<>();

  private static Node<String> node(String key) {
    return new Node<>(key, "v", 0);
  }

  /** Inserts like the engine: record, then evict while over {@code capacity}; returns what was evicted. */
  private List<String> insert(AdaptiveAdmissionOrder<String> order, long capacity, Node<String> node) {
    assertThat(live.put((String) node.key, node)).as("%s is new", node.key).isNull();
    order.recordInsert(node);
    List<String> evicted = new ArrayList<>();
    while (live.size() > capacity) {
      Node<String> victim = order.victim();
      assertThat(victim).isNotNull();
      assertThat(live.remove(victim.key, victim)).as("victim %s is live", victim.key).isTrue();
      order.remove(victim);
      evicted.add((String) victim.key);
    }
    return evicted;
  }

  private AdaptiveAdmissionOrder<String> filled(int capacity) {
    AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(capacity);
    for (int i = 0; i < capacity; i++) {
      assertThat(insert(order, capacity, node("k" + i))).isEmpty();
    }
    return order;
  }

  private Node<String> live(String key) {
    Node<String> node = live.get(key);
    assertThat(node).as("%s is live", key).isNotNull();
    return node;
  }

  @Test
  void emptyOrderHasNoVictim() {
    assertThat(new AdaptiveAdmissionOrder<String>(10).victim()).isNull();
  }

  @Test
  void aNewcomerNoMoreFrequentThanTheResidentsIsTheOneEvicted() {
    AdaptiveAdmissionOrder<String> order = filled(100);

    // k99 sits in the one-entry window; pushed out by "new", it meets probation's oldest, k0: 1 use each
    assertThat(insert(order, 100, node("new"))).containsExactly("k99");
    assertThat(insert(order, 100, node("newer"))).containsExactly("new");
  }

  @Test
  void aColdCandidateUsedOnceMoreDisplacesProbationsOldestEntry() {
    AdaptiveAdmissionOrder<String> order = filled(100);
    order.recordAccess(live("k99")); // 2 uses against k0's 1

    assertThat(insert(order, 100, node("new"))).containsExactly("k0");
  }

  @Test
  void aWarmCandidateNeedsALeadOfTwo() {
    // capacity 2: window k1, probation k0; the protected segment has no room, so k0 stays in probation
    AdaptiveAdmissionOrder<String> order = filled(2);
    for (int i = 0; i < 4; i++) {
      order.recordAccess(live("k0")); // 5 uses
    }
    for (int i = 0; i < 5; i++) {
      order.recordAccess(live("k1")); // 6 uses: one ahead is not enough
    }
    assertThat(insert(order, 2, node("a"))).containsExactly("k1");

    for (int i = 0; i < 6; i++) {
      order.recordAccess(live("a")); // 7 uses: two ahead of k0
    }
    assertThat(insert(order, 2, node("b"))).containsExactly("k0");
  }

  @Test
  void aReplacedEntryKeepsItsPlace() {
    AdaptiveAdmissionOrder<String> order = filled(100);
    Node<String> replacement = node("k0");
    Node<String> previous = live.put("k0", replacement);

    order.recordReplace(previous, replacement);
    order.recordAccess(live("k99"));

    // k0 was promoted by the write; probation's oldest is now k1
    assertThat(insert(order, 100, node("new"))).containsExactly("k1");
  }

  @Test
  void removedEntriesAreNeverVictims() {
    AdaptiveAdmissionOrder<String> order = filled(10);
    for (int i = 0; i < 5; i++) {
      order.remove(live.remove("k" + i));
    }

    List<String> evicted = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      evicted.addAll(insert(order, 10, node("n" + i)));
    }

    assertThat(evicted).hasSize(15).noneMatch(key -> key.matches("k[0-4]"));
  }

  @Test
  void theWindowGrowsWhenRecentKeysAreReusedSoon() {
    AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(1_000);
    long initial = order.windowTarget();

    // each new key is read again 20 new keys later: only a window of 20+ catches that
    for (int i = 0; i < 200_000; i++) {
      insert(order, 1_000, node("n" + i));
      if (i >= 20) {
        Node<String> recent = live.get("n" + (i - 20));
        if (recent != null) {
          order.recordAccess(recent);
        } else {
          insert(order, 1_000, node("n" + (i - 20)));
        }
      }
    }

    assertThat(initial).isEqualTo(10);
    assertThat(order.windowTarget()).isGreaterThan(20);
  }

  @Test
  void readsOfSaturatedEntriesThatSkipTheSketchLeaveEveryCountAsCountingThemWould() {
    // a skewed workload: 20 hot keys take 80 % of the accesses, so they saturate and are read on; at this
    // capacity the sketch halves every 2,000 counts, i.e. about a hundred times over the run
    int capacity = 200;
    AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(capacity);
    FrequencySketch everyAccess = new FrequencySketch(capacity);
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      String key = "k" + (random.nextInt(10) < 8 ? random.nextInt(20) : random.nextInt(1_000));
      Node<String> node = live.get(key);
      if (node != null) {
        order.recordAccess(node);
      } else {
        everyAccess.ensureCapacity(live.size() + 1);
        insert(order, capacity, node(key));
      }
      everyAccess.increment(key.hashCode());

      if (i % 1_000 == 999) {
        for (Node<String> entry : live.values()) {
          assertThat(order.frequency(entry)).as("count of %s after %d accesses", entry.key, i + 1)
              .isEqualTo(everyAccess.frequency(entry.key.hashCode()));
        }
      }
    }
  }

  @Test
  void theSimulationsStartWhenTheOrderIsFirstFullAndKeepRunning() {
    int capacity = 100; // below 1,024 entries the trials sample every key: each read would feed them
    AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(capacity);
    for (int i = 0; i < capacity - 1; i++) {
      insert(order, capacity, node("k" + i));
    }
    for (int round = 0; round < 50; round++) {
      live.values().forEach(order::recordAccess);
    }
    assertThat(order.simulating()).as("with room left").isFalse();

    insert(order, capacity, node("last"));
    assertThat(order.simulating()).as("once full").isTrue();
    order.remove(live.remove("last"));
    assertThat(order.simulating()).as("after a removal").isTrue();
    assertThat(new AdaptiveAdmissionOrder<String>(4_096).simulating()).as("sampling one key in 8").isTrue();
  }

  @ParameterizedTest // 512: every key sampled (simulations from the first full); 4,096: one in 8 (from the start)
  @ValueSource(ints = {512, 4_096})
  void readsThatSkipTheTrialsLeaveTheWindowAsTrialsSeeingEveryAccessChooseIt(int capacity) {
    // sampled trials: hot keys saturate (their reads skip the trials unless sampled), while keys read again
    // 300 new keys later reward a window larger than the first 1 %; the climber counts sampled keys only,
    // and simulations of every key see accesses from the order's first full on (the climber all along)
    AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(capacity);
    FrequencySketch everyCount = new FrequencySketch(capacity);
    WindowTrials everyAccess = new WindowTrials(capacity, everyCount);
    Random random = new Random(7);
    List<Long> windows = new ArrayList<>();
    int fresh = 0;
    boolean full = everyAccess.sampleRate() > 1;
    for (int i = 0; i < 400_000; i++) {
      String key;
      if (random.nextInt(10) < 6) {
        key = "hot" + random.nextInt(50);
      } else if (fresh >= 300 && random.nextBoolean()) {
        key = "n" + (fresh - 300);
      } else {
        key = "n" + fresh++;
      }
      Node<String> node = live.get(key);
      if (node != null) {
        order.recordAccess(node);
      } else {
        everyCount.ensureCapacity(live.size() + 1); // as the order does, counting the new entry
        full |= live.size() + 1 >= capacity;
        insert(order, capacity, node(key));
      }
      everyCount.increment(key.hashCode());
      long chosen = full
          ? everyAccess.record(key.hashCode(), node != null)
          : everyAccess.climb(key.hashCode(), node != null);
      long expected = Math.max(1, Math.min(capacity, chosen));
      assertThat(order.windowTarget()).as("window after %d accesses", i + 1).isEqualTo(expected);
      if (windows.isEmpty() || windows.get(windows.size() - 1) != expected) {
        windows.add(expected);
      }
    }
    assertThat(windows).as("the windows chosen").hasSizeGreaterThan(1);
  }

  @Test
  void aSaturatedProtectedEntryThatReadsNoLongerMoveIsPassedOverByDemotion() {
    // large enough to be sampled (one key in 8): a sampled key is never marked, its reads go to the trials
    int capacity = 4_096;
    AdaptiveAdmissionOrder<String> order = filled(capacity);
    int first = 0;
    while (order.sampled(live("k" + first))) {
      first++;
    }
    Node<String> hot = live("k" + first);
    for (int i = 0; i < 20; i++) {
      order.recordAccess(hot); // the first read promotes it; the count saturates at 15
    }
    assertThat(order.frequency(hot)).isEqualTo(FrequencySketch.MAX_COUNT);
    long protectedTarget = (capacity - order.windowTarget()) * 4 / 5;

    // promote more entries than the protected area holds: the hot one, the first promoted, is its eldest
    for (int i = first + 1; i <= first + protectedTarget + 10; i++) {
      order.recordAccess(live("k" + i));
    }

    assertThat(hot.segment()).as("the hot entry stays protected").isGreaterThanOrEqualTo((byte) 2);
    assertThat(live("k" + (first + 1)).segment()).as("the eldest unsaturated one is demoted").isEqualTo((byte) 1);
  }

  @Test
  void aSmallCacheSamplesEveryKeySoMarksNone() {
    AdaptiveAdmissionOrder<String> order = filled(200);
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 200; i++) {
        order.recordAccess(live("k" + i));
      }
    }
    assertThat(live.values()).allMatch(order::sampled).noneMatch(node -> node.segment() == 3);
  }

  @Test
  @Timeout(10) // a demotion that passed over saturated entries without a bound would never end here
  void demotionKeepsTheProtectedAreaAtItsTargetWhenItsEldestAreSaturated() {
    int capacity = 4_096;
    AdaptiveAdmissionOrder<String> order = filled(capacity);
    // 40 % of the keys read 16 times each: saturated (the unsampled ones marked) within one sketch generation
    // (15 × 1,638 counts, fewer than the 10 × 4,096 that halve them), and the eldest of the protected area
    int hot = capacity * 2 / 5;
    for (int i = 0; i < hot; i++) {
      for (int read = 0; read < 16; read++) {
        order.recordAccess(live("k" + i));
      }
    }
    // every other key read once: promoted past the protected area's target, so demotions meet marked entries
    for (int i = hot; i < capacity; i++) {
      order.recordAccess(live("k" + i));
    }

    long protectedTarget = (capacity - order.windowTarget()) * 4 / 5;
    long protectedCount = live.values().stream().filter(node -> node.segment() >= 2).count();
    assertThat(protectedCount).isEqualTo(protectedTarget);
    assertThat(live.values().stream().filter(node -> node.segment() == 3).count())
        .as("saturated entries kept by their second chances").isGreaterThan(hot / 2);
  }
}
