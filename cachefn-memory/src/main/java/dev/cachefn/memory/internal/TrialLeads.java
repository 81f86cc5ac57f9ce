package dev.cachefn.memory.internal;

import java.util.Arrays;

/**
 * How consistently each {@link WindowTrial} has out-hit the cache, period by period, since the cache last
 * jumped: a trial's lead in a period is its hits minus the cache's on the same sampled keys, and its
 * consistency is the mean lead over the mean's standard error (a t statistic). Periods weigh as in the trials'
 * scores: each one's weight decays by the same factor per period. A lead that is large on average but was made
 * in one odd period has a small statistic; a small lead seen in period after period has a large one. O(1) per
 * period and trial; a few doubles per trial. Not thread-safe.
 */
final class TrialLeads {

  private final double decay;
  private final double[] sums;
  private final double[] squares;
  private double weight;
  private double weightSquares;

  TrialLeads(int trials, double decay) {
    this.decay = decay;
    this.sums = new double[trials];
    this.squares = new double[trials];
  }

  /** One period: {@code trialHits[i]} is trial {@code i}'s hits in it, {@code cacheHits} the cache's. */
  void record(long[] trialHits, long cacheHits) {
    weight = weight * decay + 1;
    weightSquares = weightSquares * decay * decay + 1;
    for (int i = 0; i < sums.length; i++) {
      double lead = trialHits[i] - cacheHits;
      sums[i] = sums[i] * decay + lead;
      squares[i] = squares[i] * decay + lead * lead;
    }
  }

  /** How many periods' worth of evidence the statistics hold (the effective sample size of the weights). */
  double periods() {
    return weightSquares == 0 ? 0 : weight * weight / weightSquares;
  }

  /** Trial {@code i}'s mean lead per period (hits; negative if it trails the cache). */
  double meanLead(int i) {
    return weight == 0 ? 0 : sums[i] / weight;
  }

  /**
   * Trial {@code i}'s mean lead over its standard error. With fewer than two periods there is no spread to
   * judge it by: positive infinity.
   */
  double consistency(int i) {
    double periods = periods();
    if (periods < 2) {
      return Double.POSITIVE_INFINITY;
    }
    double mean = meanLead(i);
    double variance = Math.max(0, squares[i] / weight - mean * mean);
    if (variance == 0) {
      return mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
    }
    return mean / Math.sqrt(variance / periods);
  }

  /** Forgets every period: the cache has just changed its window, so its earlier hits say nothing of it now. */
  void restart() {
    Arrays.fill(sums, 0);
    Arrays.fill(squares, 0);
    weight = 0;
    weightSquares = 0;
  }
}
