package dev.cachefn.memory.internal;

/**
 * Chooses the window share of a large {@link AdaptiveAdmissionOrder} by simulation: a few {@link WindowTrial}
 * caches, each with a fixed window share from 1 % (frequency first) to 100 % (plain LRU), replay the accesses
 * of a sample of the keys, and the share whose trial hit most lately is used. The sample is chosen by key
 * hash, so it is deterministic and keeps each sampled key's whole history (what the shares differ on): one key
 * in {@code 2^k}, with {@code k} as large as leaves a trial (the capacity scaled down by the same factor)
 * {@value #MIN_TRIAL_ENTRIES} entries or more, and at most {@value #MAX_SAMPLE_SHIFT}. All trials consult the
 * cache's own {@link FrequencySketch}, which counts every key.
 *
 * <p>Every {@code trial capacity} sampled accesses (about one capacity's worth of accesses), each trial's
 * hits are added to a score that decays by {@value #DECAY} per period. The cache moves to the best-scoring
 * share only on a clear lead over the share in use: {@value #GROW_MARGIN} (relative) to a larger window,
 * {@value #SHRINK_MARGIN} to a smaller one. Changing the share costs the cache hits (growing the window evicts
 * main-area entries chosen by frequency; shrinking hands the window's entries to the main area unchecked), so
 * without these margins it would follow every noisy period; nor does it move in the first {@value #WARMUP}
 * periods. Margins, warm-up, decay and shares were tuned on the four shared traces.
 *
 * <p>Cost: one hash test per access, and for the sampled ones an O(1) step per trial. Memory: about
 * {@code 5 × 17} bytes per simulated entry: about 10 bytes per cache entry at the smallest capacity that
 * uses trials, {@value #MIN_CAPACITY}, falling to 1.3 bytes per entry from 32,768 entries on (trials of
 * 1/64 of the capacity). Not thread-safe.
 */
final class WindowTrials {

  /** The window shares tried; the first is also the one used until the first comparison. */
  static final double[] SHARES = {0.01, 0.2, 0.4, 0.6, 1.0};
  /** A trial simulates at least this many entries (and fewer than twice as many, below the maximum sample). */
  static final int MIN_TRIAL_ENTRIES = 512;
  /** At most one key in {@code 2^MAX_SAMPLE_SHIFT} is sampled: trials of large caches grow with them. */
  static final int MAX_SAMPLE_SHIFT = 6;
  /** Caches below this capacity would need too large a sample: they keep the {@link WindowClimber}. */
  static final long MIN_CAPACITY = 8L * MIN_TRIAL_ENTRIES;
  /**
   * Periods compared before the first move: the trials start as cold as the cache, and an early lead (LRU's,
   * while everything still fits) says little about the steady state.
   */
  static final int WARMUP = 4;
  /** How much of a score is left after each period. */
  static final double DECAY = 0.8;
  /** The relative lead a larger share needs over the share in use. */
  static final double GROW_MARGIN = 0.02;
  /** The relative lead a smaller share needs over the share in use. */
  static final double SHRINK_MARGIN = 0.05;

  private final long capacity;
  private final FrequencySketch sketch;
  private final int sampleMask;
  private final WindowTrial[] trials = new WindowTrial[SHARES.length];
  private final double[] scores = new double[SHARES.length];
  private final int period;
  private int sampled;
  private int inUse;
  private int periods;
  /** The window size of the share in use. */
  private long window;

  WindowTrials(long capacity, FrequencySketch sketch) {
    this.capacity = Math.max(1, capacity);
    this.sketch = sketch;
    int shift = 63 - Long.numberOfLeadingZeros(Math.max(1, this.capacity / MIN_TRIAL_ENTRIES));
    this.sampleMask = (1 << Math.min(shift, MAX_SAMPLE_SHIFT)) - 1;
    int trialCapacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1,
        Math.round(this.capacity / (double) (sampleMask + 1L))));
    for (int i = 0; i < SHARES.length; i++) {
      trials[i] = new WindowTrial(trialCapacity, SHARES[i]);
    }
    this.period = trialCapacity;
    this.window = windowOf(inUse);
  }

  /** One key in how many is sampled (a power of two). */
  int sampleRate() {
    return sampleMask + 1;
  }

  /** The window share in use. */
  double share() {
    return SHARES[inUse];
  }

  /** The window size to use now. */
  long window() {
    return window;
  }

  private long windowOf(int share) {
    return Math.max(1, Math.round(SHARES[share] * capacity));
  }

  /**
   * One access of the key of {@code hash}, already counted by the sketch. Returns the window size to use from
   * now on. Small enough to be inlined into the cache's read replay: only the accesses of sampled keys (one
   * key in {@link #sampleRate()}) go on to the trials, through a call.
   */
  long record(int hash) {
    if (samples(hash)) {
      replay(hash);
    }
    return window;
  }

  /**
   * Whether the trials replay the accesses of the key of {@code hash}. {@link #record} may be skipped for a
   * key they do not sample: it would return {@link #window()} unchanged.
   */
  boolean samples(int hash) {
    return (sampleHash(hash) & sampleMask) == 0;
  }

  private void replay(int hash) {
    for (WindowTrial trial : trials) {
      trial.access(hash, sketch);
    }
    if (++sampled == period) {
      sampled = 0;
      compare();
    }
  }

  private void compare() {
    int leader = inUse;
    for (int i = 0; i < trials.length; i++) {
      scores[i] = scores[i] * DECAY + trials[i].takeHits();
      if (scores[i] > scores[leader]) {
        leader = i;
      }
    }
    double margin = leader > inUse ? GROW_MARGIN : SHRINK_MARGIN;
    if (++periods > WARMUP && scores[leader] > scores[inUse] * (1 + margin)) {
      inUse = leader;
      window = windowOf(leader);
    }
  }

  /** A hash mix unrelated to the sketch's and the trials' own, so the sample is not biased for them. */
  private static int sampleHash(int hash) {
    int h = hash * 0x85EB_CA6B;
    h ^= h >>> 13;
    h *= 0xC2B2_AE35;
    return h ^ (h >>> 16);
  }
}
