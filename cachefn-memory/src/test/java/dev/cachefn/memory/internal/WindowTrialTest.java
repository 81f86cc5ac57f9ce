package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One simulated cache of a fixed window share: exact LRU at 100 %, scan-resistant at 1 %. */
class WindowTrialTest {

  private final FrequencySketch sketch = new FrequencySketch(100);

  private long access(WindowTrial trial, int key) {
    sketch.increment(key);
    trial.access(key, sketch);
    return trial.takeHits();
  }

  @Test
  void aFullWindowIsExactLru() {
    WindowTrial trial = new WindowTrial(100, 1.0);
    Map<Integer, Boolean> lru = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
        return size() > 100;
      }
    };
    Random random = new Random(42);
    long trialHits = 0;
    long lruHits = 0;
    for (int i = 0; i < 100_000; i++) {
      int key = (int) Math.abs(random.nextGaussian() * 120); // reuse at all distances, many evictions
      trialHits += access(trial, key);
      if (lru.get(key) != null) {
        lruHits++;
      } else {
        lru.put(key, Boolean.TRUE);
      }
    }

    assertThat(lruHits).isPositive();
    assertThat(trialHits).isEqualTo(lruHits);
  }

  @Test
  void aSmallWindowKeepsFrequentKeysThroughAScanAndAFullOneDoesNot() {
    WindowTrial frequencyFirst = new WindowTrial(100, 0.01);
    WindowTrial lru = new WindowTrial(100, 1.0);
    for (int round = 0; round < 10; round++) {
      for (int key = 0; key < 50; key++) {
        access(frequencyFirst, key);
        access(lru, key);
      }
    }
    for (int key = 1_000; key < 2_000; key++) { // each scanned key once
      access(frequencyFirst, key);
      access(lru, key);
    }

    long frequencyFirstHits = 0;
    long lruHits = 0;
    for (int key = 0; key < 50; key++) {
      frequencyFirstHits += access(frequencyFirst, key);
      lruHits += access(lru, key);
    }

    assertThat(frequencyFirstHits).isGreaterThanOrEqualTo(45);
    assertThat(lruHits).isZero();
  }

  @Test
  void takeHitsCountsSinceTheLastTake() {
    WindowTrial trial = new WindowTrial(10, 0.2);
    sketch.increment(7);
    trial.access(7, sketch);
    trial.access(7, sketch);
    trial.access(7, sketch);

    assertThat(trial.takeHits()).isEqualTo(2);
    assertThat(trial.takeHits()).isZero();
    assertThat(trial.windowShare()).isEqualTo(0.2);
  }
}
