package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The per-period lead statistics that let a small but lasting lead of a window trial win a jump. */
class TrialLeadsTest {

  @Test
  void aSmallLeadSeenInEveryPeriodIsConsistent() {
    TrialLeads leads = new TrialLeads(2, 0.9);
    for (int period = 0; period < 20; period++) {
      // trial 0: 20 ± 5 hits ahead in every period (about 4 % of 500); trial 1: as many behind
      leads.record(new long[] {520 + (period % 2 == 0 ? 5 : -5), 480 - (period % 2 == 0 ? 5 : -5)}, 500);
    }

    assertThat(leads.meanLead(0)).isCloseTo(20, within(1.0));
    assertThat(leads.consistency(0)).isGreaterThan(WindowTrials.CONSISTENT);
    assertThat(leads.consistency(1)).isLessThan(-WindowTrials.CONSISTENT);
  }

  @Test
  void aLeadMadeInOneOddPeriodIsNot() {
    TrialLeads leads = new TrialLeads(1, 0.9);
    leads.record(new long[] {480}, 500);
    leads.record(new long[] {490}, 500);
    leads.record(new long[] {485}, 500);
    leads.record(new long[] {700}, 500); // one period with a large lead: the mean is ahead, the spread larger

    assertThat(leads.meanLead(0)).isPositive();
    assertThat(leads.consistency(0)).isBetween(0.0, 1.0);
  }

  @Test
  void theEffectiveNumberOfPeriodsGrowsTowardsWhatTheDecayKeeps() {
    TrialLeads leads = new TrialLeads(1, 0.9);
    assertThat(leads.periods()).isZero();
    leads.record(new long[] {1}, 0);
    assertThat(leads.periods()).isEqualTo(1.0);
    for (int period = 0; period < 500; period++) {
      leads.record(new long[] {1}, 0);
    }
    assertThat(leads.periods()).isCloseTo((1 + 0.9) / (1 - 0.9), within(0.01)); // 19
  }

  @Test
  void withFewerThanTwoPeriodsThereIsNoSpreadToJudgeBy() {
    TrialLeads leads = new TrialLeads(1, 0.9);
    leads.record(new long[] {400}, 500);

    assertThat(leads.consistency(0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void equalHitsInEveryPeriodAreNoLead() {
    TrialLeads leads = new TrialLeads(1, 0.9);
    for (int period = 0; period < 5; period++) {
      leads.record(new long[] {500}, 500);
    }

    assertThat(leads.consistency(0)).isZero();
  }

  @Test
  void aRestartForgetsEveryPeriod() {
    TrialLeads leads = new TrialLeads(1, 0.9);
    for (int period = 0; period < 10; period++) {
      leads.record(new long[] {600 + period}, 500);
    }

    leads.restart();

    assertThat(leads.periods()).isZero();
    assertThat(leads.meanLead(0)).isZero();
    leads.record(new long[] {450}, 500);
    leads.record(new long[] {440}, 500);
    assertThat(leads.meanLead(0)).isNegative();
  }
}
