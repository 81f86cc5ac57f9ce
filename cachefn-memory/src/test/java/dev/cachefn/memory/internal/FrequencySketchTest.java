package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The count-min sketch: counts, saturation, ageing, growth. */
class FrequencySketchTest {

  @Test
  void unseenKeyHasFrequencyZero() {
    FrequencySketch sketch = new FrequencySketch(1_000);

    assertThat(sketch.frequency("never".hashCode())).isZero();
  }

  @Test
  void countsEachIncrementUpToFifteen() {
    FrequencySketch sketch = new FrequencySketch(1_000);
    int hash = "popular".hashCode();

    for (int i = 1; i <= 20; i++) {
      sketch.increment(hash);
      assertThat(sketch.frequency(hash)).isEqualTo(Math.min(i, FrequencySketch.MAX_COUNT));
    }
  }

  @Test
  void aHeavyKeyDoesNotInflateOtherKeys() {
    FrequencySketch sketch = new FrequencySketch(1_000);
    sketch.ensureCapacity(1_000);
    for (int i = 0; i < 15; i++) {
      sketch.increment("heavy".hashCode());
    }
    int inflated = 0;
    for (int key = 0; key < 1_000; key++) {
      sketch.increment(("light-" + key).hashCode());
    }
    for (int key = 0; key < 1_000; key++) {
      inflated += sketch.frequency(("light-" + key).hashCode()) > 1 ? 1 : 0;
    }

    // four counters per key over 16,384: only a key whose four counters all collide is overestimated
    assertThat(inflated).isLessThan(10);
    assertThat(sketch.frequency("heavy".hashCode())).isEqualTo(15);
  }

  @Test
  void decimalKeysThatDifferInOneDigitAreCountedApart() {
    FrequencySketch sketch = new FrequencySketch(100);
    for (int i = 0; i < 5; i++) {
      sketch.increment("100".hashCode());
    }

    assertThat(sketch.frequency("100".hashCode())).isEqualTo(5);
    assertThat(sketch.frequency("101".hashCode())).isZero();
    assertThat(sketch.frequency("110".hashCode())).isZero();
  }

  @Test
  void halvesEveryCountAfterTenIncrementsPerEntryOfCapacity() {
    FrequencySketch sketch = new FrequencySketch(2_048);
    sketch.ensureCapacity(2_048);
    int hot = "hot".hashCode();
    for (int i = 0; i < 12; i++) {
      sketch.increment(hot);
    }
    assertThat(sketch.frequency(hot)).isEqualTo(12);

    // 20,480 increments in all (10 × capacity) trigger the halving; the rest go to distinct cold keys
    for (int key = 0; key < 20_480 - 13; key++) {
      sketch.increment(("cold-" + key).hashCode());
    }
    assertThat(sketch.frequency(hot)).isEqualTo(12);
    sketch.increment("last".hashCode());

    assertThat(sketch.frequency(hot)).isEqualTo(6);
  }

  @Test
  void smallCachesAgeAfterTenIncrementsPerEntryToo() {
    FrequencySketch sketch = new FrequencySketch(16);
    int hot = "hot".hashCode();
    for (int i = 0; i < 8; i++) {
      sketch.increment(hot);
    }
    for (int key = 0; key < 160 - 9; key++) {
      sketch.increment(("cold-" + key).hashCode());
    }
    assertThat(sketch.frequency(hot)).isEqualTo(8);

    sketch.increment("last".hashCode()); // the 160th

    assertThat(sketch.frequency(hot)).isEqualTo(4);
  }

  @Test
  void startsSmallAndGrowsWithTheCacheUpToItsCapacity() {
    FrequencySketch sketch = new FrequencySketch(100_000);
    sketch.increment(7);

    sketch.ensureCapacity(8);
    assertThat(sketch.frequency(7)).as("no growth needed: counts kept").isEqualTo(1);

    for (int i = 0; i < 7; i++) {
      sketch.increment(7);
    }
    sketch.ensureCapacity(2_000);
    assertThat(sketch.frequency(7)).as("doubled from 1,024: the count is kept, halved").isEqualTo(4);
    assertThat(sketch.frequency(8)).as("an unseen key stays unseen").isZero();

    sketch.ensureCapacity(5_000);
    assertThat(sketch.frequency(7)).as("doubled twice more, to 8,192").isEqualTo(1);
    sketch.increment(7);
    assertThat(sketch.frequency(7)).isEqualTo(2);
  }

  @Test
  void growingKeepsEveryKeysCountHalved() {
    FrequencySketch sketch = new FrequencySketch(1_000_000);
    for (int key = 0; key < 500; key++) {
      for (int i = 0; i <= key % 8; i++) {
        sketch.increment(("k" + key).hashCode());
      }
    }
    int[] before = new int[500];
    for (int key = 0; key < 500; key++) {
      before[key] = sketch.frequency(("k" + key).hashCode());
    }

    sketch.ensureCapacity(2_000); // one doubling

    for (int key = 0; key < 500; key++) {
      assertThat(sketch.frequency(("k" + key).hashCode())).as("k%d", key).isEqualTo(before[key] / 2);
    }
  }

  @Test
  void clearForgetsEveryCount() {
    FrequencySketch sketch = new FrequencySketch(100);
    sketch.increment(42);

    sketch.clear();

    assertThat(sketch.frequency(42)).isZero();
  }

  @Test
  void incrementSaysWhenTheCountIsSaturatedUntilCountsMayDrop() {
    FrequencySketch sketch = new FrequencySketch(2_048);
    sketch.ensureCapacity(2_048);
    int hot = "hot".hashCode();
    for (int i = 1; i < FrequencySketch.MAX_COUNT; i++) {
      assertThat(sketch.increment(hot)).as("count %d", i).isFalse();
    }
    int generation = sketch.generation();
    assertThat(sketch.increment(hot)).as("count 15").isTrue();
    assertThat(sketch.increment(hot)).as("still 15").isTrue();
    assertThat(sketch.generation()).isEqualTo(generation);

    sketch.halve();

    assertThat(sketch.generation()).isNotEqualTo(generation);
    assertThat(sketch.increment(hot)).as("halved to 7, now 8").isFalse();
  }

  @Test
  void theIncrementThatTriggersAHalvingReportsNoSaturation() {
    FrequencySketch sketch = new FrequencySketch(1_024);
    sketch.ensureCapacity(1_024);
    int hot = "hot".hashCode();
    for (int i = 0; i < 14; i++) {
      sketch.increment(hot);
    }
    for (int key = 0; key < 10_240 - 15; key++) {
      sketch.increment(("cold-" + key).hashCode());
    }
    int generation = sketch.generation();

    // the 10,240th count raises "hot" to 15, then halves every count
    assertThat(sketch.increment(hot)).isFalse();
    assertThat(sketch.generation()).isNotEqualTo(generation);
    assertThat(sketch.frequency(hot)).isEqualTo(7);
  }

  @Test
  void growingOrClearingStartsANewGeneration() {
    FrequencySketch sketch = new FrequencySketch(100_000);
    int generation = sketch.generation();

    sketch.ensureCapacity(5_000);
    int grown = sketch.generation();
    sketch.clear();

    assertThat(grown).isNotEqualTo(generation);
    assertThat(sketch.generation()).isNotEqualTo(grown);
  }
}
