package dev.cachefn.memory.internal;

/**
 * Chooses the window share of an {@link AdaptiveAdmissionOrder}: a {@link WindowClimber} moves it step by step,
 * and simulations of fixed shares catch what the climber misses. A few {@link WindowTrial} caches, each with a
 * fixed window share from 1 % (frequency first) to 100 % (plain LRU), replay the accesses of a sample of the
 * keys, and the cache's own hits on the same keys are counted beside theirs. When a trial has clearly hit more
 * than the cache lately, the cache jumps to that trial's share and the climber goes on from there. The climber
 * finds windows between the shares and follows a workload's phases (a larger window for a while lets a new
 * working set in); the trials cross a range of shares that does worse than both its ends (where a climber turns
 * back) and pull the cache out of a share where the climber is stuck.
 *
 * <p>The sample is chosen by key hash, so it is deterministic and keeps each sampled key's whole history (what
 * the shares differ on): one key in {@code 2^k}, with {@code k} as large as leaves a trial (the capacity scaled
 * down by the same factor) {@value #MIN_TRIAL_ENTRIES} entries or more, and at most {@value #MAX_SAMPLE_SHIFT}.
 * Below {@code 2 × }{@value #MIN_TRIAL_ENTRIES} entries every key is sampled: the trials are full-size shadows
 * of the cache (hashes only). All trials consult the cache's own {@link FrequencySketch}, which counts every key.
 *
 * <p>The climber counts the hits and misses of the sampled keys, and moves after {@value #CLIMB_PERIODS}
 * periods (below) of them, or ten trial capacities if that is fewer. Every period of
 * {@code max(trial capacity, }{@value #MIN_TRIAL_ENTRIES}{@code )} sampled accesses, each
 * trial's hits, and the cache's, are added to scores that decay by {@value #DECAY} per period. After
 * {@value #WARMUP} periods (the trials start as cold as the cache, and while everything still fits LRU leads),
 * the best-scoring trial wins the jump if its score leads the cache's by {@value #MARGIN} (relative) and the
 * lead is not the work of one odd period, or if it has led in period after period, however little
 * ({@link TrialLeads}: {@value #CONSISTENT} standard errors). Without a bar the cache would jump at every noisy
 * period: a jump costs hits (growing the window evicts main-area entries chosen by frequency; shrinking hands
 * the window's entries to the main area unchecked). The margin alone misses a small lead that lasts (an LRU
 * trial 3-4 % ahead of a cache stuck at 92 % of LRU's window, for hundreds of periods), and follows a lead made
 * in one period.
 *
 * <p>Cost: one hash test per access, and for the sampled ones an O(1) step per trial and one climber count.
 * Memory: about {@code 5 × 17} bytes per simulated entry, allocated as the trials fill (they hold at most the
 * sampled keys seen, so no more than the cache holds, scaled down by the sample): about 85 bytes per cache
 * entry below 1,024 entries, 10 to 20 bytes up to 32,767, and 1.3 bytes from 32,768 on. Not thread-safe.
 */
final class WindowTrials {

  /** The window shares tried; the first is also the one the cache starts with. */
  static final double[] SHARES = {0.01, 0.2, 0.4, 0.6, 1.0};
  /** A trial simulates at least this many entries (all of the cache's, when it is smaller); also the shortest period. */
  static final int MIN_TRIAL_ENTRIES = 512;
  /** At most one key in {@code 2^MAX_SAMPLE_SHIFT} is sampled: trials of large caches grow with them. */
  static final int MAX_SAMPLE_SHIFT = 6;
  /** Periods compared before the first jump. */
  static final int WARMUP = 4;
  /**
   * How much of a score is left after each period: a score weighs about the last {@code 1 / (1 - DECAY)} = 10
   * periods (ten capacities of accesses), long enough that a workload whose best share changes every few
   * capacities is judged on its average rather than chased phase by phase.
   */
  static final double DECAY = 0.9;
  /**
   * The relative lead a trial's score needs over the cache's own for the cache to jump to its share at once
   * (if the lead is also larger than its standard error, {@link TrialLeads#consistency} above 1).
   */
  static final double MARGIN = 0.05;
  /**
   * How many standard errors a trial's mean lead per period must be for the cache to jump to its share however
   * small the lead: three, as usual for a test that is repeated every period.
   */
  static final double CONSISTENT = 3;
  /**
   * The climber's sample, in periods (and at most ten trial capacities of sampled accesses, as Caffeine's
   * climber samples ten capacities): the climber then moves a few times per trial verdict.
   */
  static final int CLIMB_PERIODS = 4;

  private final long capacity;
  private final FrequencySketch sketch;
  private final int sampleMask;
  private final WindowTrial[] trials = new WindowTrial[SHARES.length];
  private final double[] scores = new double[SHARES.length];
  private final long[] periodHits = new long[SHARES.length];
  private final TrialLeads leads = new TrialLeads(SHARES.length, DECAY);
  private final WindowClimber climber;
  private final int period;
  private int sampled;
  private int periods;
  private long cacheHits;
  private double cacheScore;
  /** The window size in use. */
  private long window;

  WindowTrials(long capacity, FrequencySketch sketch) {
    this.capacity = Math.max(1, capacity);
    this.sketch = sketch;
    int shift = 63 - Long.numberOfLeadingZeros(Math.max(1, this.capacity / MIN_TRIAL_ENTRIES));
    this.sampleMask = (1 << Math.min(shift, MAX_SAMPLE_SHIFT)) - 1;
    int trialCapacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 2,
        Math.round(this.capacity / (double) (sampleMask + 1L))));
    for (int i = 0; i < SHARES.length; i++) {
      trials[i] = new WindowTrial(trialCapacity, SHARES[i]);
    }
    this.period = Math.max(trialCapacity, MIN_TRIAL_ENTRIES);
    this.climber = new WindowClimber(this.capacity, Math.min(CLIMB_PERIODS * period, 10L * trialCapacity));
    this.window = climber.window();
  }

  /** One key in how many is sampled (a power of two). */
  int sampleRate() {
    return sampleMask + 1;
  }

  /** The window size to use now. */
  long window() {
    return window;
  }

  /**
   * One access of the key of {@code hash}, already counted by the sketch; {@code hit}: whether the cache held
   * it. Returns the window size to use from now on. Small enough to be inlined into the cache's read replay:
   * only the accesses of sampled keys (one key in {@link #sampleRate()}) go on, through a call.
   */
  long record(int hash, boolean hit) {
    if (samples(hash)) {
      replay(hash, hit);
    }
    return window;
  }

  /**
   * Like {@link #record}, for the climber alone: the simulations do not see the access. For a cache that
   * has never been full, where no share can do better than another yet.
   */
  long climb(int hash, boolean hit) {
    if (samples(hash)) {
      window = climbed(hit);
    }
    return window;
  }

  /** Tells the climber about one sampled access; returns the window it chooses. */
  private long climbed(boolean hit) {
    return hit ? climber.onHit() : climber.onMiss();
  }

  /**
   * Whether the trials replay the accesses of the key of {@code hash}. {@link #record} may be skipped for a
   * key they do not sample: it would return {@link #window()} unchanged.
   */
  boolean samples(int hash) {
    return (sampleHash(hash) & sampleMask) == 0;
  }

  private void replay(int hash, boolean hit) {
    for (WindowTrial trial : trials) {
      trial.access(hash, sketch);
    }
    if (hit) {
      cacheHits++;
    }
    window = climbed(hit);
    if (++sampled == period) {
      sampled = 0;
      compare();
    }
  }

  private void compare() {
    int leader = 0;
    for (int i = 0; i < trials.length; i++) {
      periodHits[i] = trials[i].takeHits();
      scores[i] = scores[i] * DECAY + periodHits[i];
      if (scores[i] > scores[leader]) {
        leader = i;
      }
    }
    leads.record(periodHits, cacheHits);
    cacheScore = cacheScore * DECAY + cacheHits;
    cacheHits = 0;
    if (++periods > WARMUP && leads(leader)) {
      leads.restart();
      climber.restartAt(Math.round(SHARES[leader] * capacity));
      window = climber.window();
    }
  }

  /**
   * Whether the trial {@code leader} has out-hit the cache enough to jump to its share: by {@value #MARGIN} of
   * the cache's score, by more than its standard error (not in one odd period), or, however little, by
   * {@value #CONSISTENT} standard errors over {@value #WARMUP} periods or more.
   */
  private boolean leads(int leader) {
    double consistency = leads.consistency(leader);
    boolean large = scores[leader] > cacheScore * (1 + MARGIN) && consistency > 1;
    boolean consistent = leads.periods() >= WARMUP && leads.meanLead(leader) > 0 && consistency > CONSISTENT;
    return large || consistent;
  }

  /** A hash mix unrelated to the sketch's and the trials' own, so the sample is not biased for them. */
  private static int sampleHash(int hash) {
    int h = hash * 0x85EB_CA6B;
    h ^= h >>> 13;
    h *= 0xC2B2_AE35;
    return h ^ (h >>> 16);
  }
}
