package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hill climbing of the window size: direction, step growth, turning, bounds. */
class WindowClimberTest {

  /** Feeds one sample of {@code period} accesses with {@code hits} hits; returns the window afterwards. */
  private static long sample(WindowClimber climber, int period, int hits) {
    long window = climber.window();
    for (int i = 0; i < period; i++) {
      window = i < hits ? climber.onHit() : climber.onMiss();
    }
    return window;
  }

  @Test
  void startsAtOnePercentOfTheCapacity() {
    assertThat(new WindowClimber(10_000, 100).window()).isEqualTo(100);
    assertThat(new WindowClimber(10, 100).window()).isEqualTo(1);
  }

  @Test
  void keepsGrowingWithLargerStepsWhileTheHitRateRises() {
    WindowClimber climber = new WindowClimber(1_000, 100);

    long first = sample(climber, 100, 10); // the first sample only sets the reference
    long second = sample(climber, 100, 20);
    long third = sample(climber, 100, 30);
    long fourth = sample(climber, 100, 40);

    assertThat(first).isEqualTo(10);
    assertThat(second).isEqualTo(10 + 63); // 6.25 % of 1,000, rounded
    assertThat(third - second).isEqualTo(75); // × 1.2
    assertThat(fourth - third).isEqualTo(90);
  }

  @Test
  void turnsRoundWithHalfTheStepWhenTheHitRateFalls() {
    WindowClimber climber = new WindowClimber(1_000, 100);
    sample(climber, 100, 10);
    sample(climber, 100, 20); // 72.5, next step 75
    long peak = sample(climber, 100, 30); // 147.5, next step 90

    long turned = sample(climber, 100, 10); // worse: back by 90, next step -45
    long onward = sample(climber, 100, 20); // better than the last sample: on by -45

    assertThat(peak).isEqualTo(148);
    assertThat(turned).isEqualTo(58);
    assertThat(onward).isEqualTo(13);
  }

  @Test
  void neverLeavesOneToCapacity() {
    WindowClimber climber = new WindowClimber(50, 10);
    for (int round = 0; round < 200; round++) {
      long window = sample(climber, 10, Math.min(10, round)); // never worse: always grows
      assertThat(window).isBetween(1L, 50L);
    }
    assertThat(climber.window()).isEqualTo(50);

    for (int round = 0; round < 200; round++) {
      long window = sample(climber, 10, round % 2 == 0 ? 0 : 10);
      assertThat(window).isBetween(1L, 50L);
    }
  }
}
