package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Choosing the window share by sampled trials: sample size, start, and the share each workload gets. */
class WindowTrialsTest {

  private static final int CAPACITY = 8_192;

  private final FrequencySketch sketch = new FrequencySketch(CAPACITY);
  private final WindowTrials trials = new WindowTrials(CAPACITY, sketch);

  private long access(int key) {
    sketch.increment(key);
    return trials.record(key);
  }

  @Test
  void samplesSoThatATrialHoldsAtLeast512EntriesAndAtMostOneKeyIn64() {
    assertThat(new WindowTrials(4_096, sketch).sampleRate()).isEqualTo(8);
    assertThat(new WindowTrials(6_000, sketch).sampleRate()).isEqualTo(8);
    assertThat(trials.sampleRate()).isEqualTo(16);
    assertThat(new WindowTrials(10_000_000, sketch).sampleRate()).isEqualTo(64);
  }

  @Test
  void startsWithAOnePercentWindow() {
    assertThat(trials.share()).isEqualTo(0.01);
    assertThat(trials.window()).isEqualTo(82);
  }

  @Test
  void movesToLruWhenEveryKeyIsReusedOnceAtEightyPercentOfTheCapacity() {
    // key i is read at step i and again at step i + 40 % of the capacity: with two keys used per step, 80 % of
    // the cache's entries were used since; only LRU keeps every key that long (a key is read twice at most)
    int distance = CAPACITY * 4 / 10;
    long window = 0;
    for (int i = 0; i < 40 * CAPACITY; i++) {
      access(i);
      window = i >= distance ? access(i - distance) : window;
    }

    assertThat(trials.share()).isEqualTo(1.0);
    assertThat(window).isEqualTo(CAPACITY);
  }

  @Test
  void keepsTheSmallWindowOnALoopLargerThanTheCache() {
    int loop = CAPACITY * 3 / 2;
    for (int i = 0; i < 40 * loop; i++) {
      access(i % loop);
    }

    assertThat(trials.share()).isEqualTo(0.01);
  }

  @Test
  void followsAWorkloadThatTurnsFromRecencyToALoop() {
    int distance = CAPACITY * 4 / 10;
    for (int i = 0; i < 40 * CAPACITY; i++) {
      access(i);
      if (i >= distance) {
        access(i - distance);
      }
    }
    double recencyShare = trials.share();

    int loop = CAPACITY * 3 / 2;
    for (int i = 0; i < 40 * loop; i++) {
      access(i % loop);
    }

    // leaving LRU for a small window; shrinking needs a 5 % lead, which 20 % does not concede to 1 % here
    assertThat(recencyShare).isEqualTo(1.0);
    assertThat(trials.share()).isLessThanOrEqualTo(0.2);
  }
}
