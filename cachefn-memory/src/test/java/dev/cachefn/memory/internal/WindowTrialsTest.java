package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing the window: sample size, start, and the window each workload gets, driven through the order. */
class WindowTrialsTest {

  private static final int CAPACITY = 8_192;

  private final AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(CAPACITY);
  private final Map<String, Node<String>> live = new HashMap<>();

  /** One access as the engine makes it: a read if the key is held, else an insert and evictions. */
  private void access(int key) {
    String name = "k" + key;
    Node<String> node = live.get(name);
    if (node != null) {
      order.recordAccess(node);
      return;
    }
    node = new Node<>(name, "v", 0);
    live.put(name, node);
    order.recordInsert(node);
    while (live.size() > CAPACITY) {
      Node<String> victim = order.victim();
      live.remove(victim.key);
      order.remove(victim);
    }
  }

  /** Key {@code i} is used at step {@code i} and again 40 % of the capacity later: only a large window keeps it. */
  private void recency(int steps) {
    int distance = CAPACITY * 4 / 10;
    for (int i = 0; i < steps; i++) {
      access(i);
      if (i >= distance) {
        access(i - distance);
      }
    }
  }

  /** A loop over 1.5 × the capacity: only a small window with frequency admission keeps a part of it. */
  private void loop(int rounds) {
    int loop = CAPACITY * 3 / 2;
    for (int i = 0; i < rounds * loop; i++) {
      access(1_000_000 + i % loop);
    }
  }

  @Test
  void samplesEveryKeyBelow1024EntriesThenSoThatATrialHoldsAtLeast512AndAtMostOneKeyIn64() {
    FrequencySketch sketch = new FrequencySketch(100);
    assertThat(new WindowTrials(100, sketch).sampleRate()).isEqualTo(1);
    assertThat(new WindowTrials(1_023, sketch).sampleRate()).isEqualTo(1);
    assertThat(new WindowTrials(1_024, sketch).sampleRate()).isEqualTo(2);
    assertThat(new WindowTrials(4_096, sketch).sampleRate()).isEqualTo(8);
    assertThat(new WindowTrials(6_000, sketch).sampleRate()).isEqualTo(8);
    assertThat(new WindowTrials(10_000_000, sketch).sampleRate()).isEqualTo(64);
    assertThat(new WindowTrials(Integer.MAX_VALUE, sketch).sampleRate()).isEqualTo(64);
  }

  @Test
  void startsWithAOnePercentWindow() {
    assertThat(order.windowTarget()).isEqualTo(81);
  }

  @Test
  void growsTheWindowTowardsLruWhenEveryKeyIsReusedAtFortyPercentOfTheCapacity() {
    recency(40 * CAPACITY);

    assertThat(order.windowTarget()).isGreaterThan(CAPACITY / 2);
  }

  @Test
  void keepsTheWindowSmallOnALoopLargerThanTheCache() {
    loop(40);

    assertThat(order.windowTarget()).isLessThan(CAPACITY / 5);
  }

  @Test
  void followsAWorkloadThatTurnsFromRecencyToALoop() {
    recency(40 * CAPACITY);
    long recencyWindow = order.windowTarget();

    loop(40);

    assertThat(recencyWindow).isGreaterThan(CAPACITY / 2);
    assertThat(order.windowTarget()).isLessThan(CAPACITY / 5);
  }

  @Test
  void aTrialOfAHugeCacheHoldsOnlyWhatItWasShown() {
    WindowTrial trial = new WindowTrial(1 << 25, 0.01);
    FrequencySketch sketch = new FrequencySketch(Integer.MAX_VALUE);
    assertThat(trial.allocatedSlots()).isLessThanOrEqualTo(16);

    for (int key = 0; key < 1_000; key++) {
      sketch.increment(key);
      trial.access(key, sketch);
    }

    assertThat(trial.allocatedSlots()).isBetween(1_001, 2_048);
  }
}
