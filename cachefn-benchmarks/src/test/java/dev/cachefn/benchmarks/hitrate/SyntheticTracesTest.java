package dev.cachefn.benchmarks.hitrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The synthetic workloads have the shapes their names promise, and are the same on every run. */
class SyntheticTracesTest {

  @Test
  void everyWorkloadIsTheSameOnEveryRun() {
    assertThat(SyntheticTraces.zipf(0.8).keys()).isEqualTo(SyntheticTraces.zipf(0.8).keys());
    assertThat(SyntheticTraces.recency().keys()).isEqualTo(SyntheticTraces.recency().keys());
  }

  @Test
  void aLoopLargerThanTheCacheDefeatsLruAndNotOpt() {
    Trace loop = SyntheticTraces.loop(5_000);

    assertThat(loop.distinct()).isEqualTo(5_000);
    assertThat(Policy.LRU.hitRate(loop, 4_000)).isZero();
    assertThat(Policy.OPT.hitRate(loop, 4_000)).isGreaterThan(70);
  }

  @Test
  void aSteeperZipfConcentratesTheAccesses() {
    assertThat(SyntheticTraces.zipf(1.2).distinct()).isLessThan(SyntheticTraces.zipf(0.6).distinct());
    assertThat(Policy.LRU.hitRate(SyntheticTraces.zipf(1.2), 500))
        .isGreaterThan(Policy.LRU.hitRate(SyntheticTraces.zipf(0.6), 500) + 20);
  }

  @Test
  void scansBringKeysNeverSeenBeforeAndTheShiftSwapsTheKeySet() {
    Trace scans = SyntheticTraces.zipfWithScans();
    Trace shift = SyntheticTraces.zipfShift();

    assertThat(scans.distinct()).isGreaterThan(9 * 10_000); // nine scans of fresh keys, at least
    assertThat(shift.distinct()).isGreaterThan(SyntheticTraces.zipf(0.8).distinct() / 2);
  }

  @Test
  void recencyRewardsLruOverAStaticChoice() {
    Trace recency = SyntheticTraces.recency();

    assertThat(Policy.LRU.hitRate(recency, 1_000)).isGreaterThan(50);
  }
}
