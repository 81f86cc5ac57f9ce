package dev.cachefn.memory.internal;

/**
 * Chooses the window size of an {@link AdaptiveAdmissionOrder} by hill climbing on the hit rate. After each
 * sample of accesses it moves the window by a step: on in the same direction if the hit rate held or rose
 * since the previous sample, back the other way if it fell. A step that keeps its direction grows (× 1.2, up
 * to 12.5 % of the capacity) and one that turns round halves, so the window travels fast while that pays and
 * settles where the hit rate stops improving, while noise (turns at every sample) only shrinks the steps.
 * {@link WindowTrials} feed it the accesses of their sampled keys and restart it elsewhere when a trial beats
 * the cache. Deterministic; O(1) per access. Not thread-safe.
 */
final class WindowClimber {

  /** The window's initial share of the capacity. */
  static final double INITIAL_WINDOW = 0.01;
  /** The first step, as a share of the capacity. */
  static final double INITIAL_STEP = 0.0625;
  private static final double GROWTH = 1.2;
  private static final double TURN = 0.5;

  private final long capacity;
  private final long samplePeriod;
  private final double maxStep;

  private double window;
  /** {@link #window}, rounded: what {@link #window()} returns. */
  private long rounded;
  /** The next move; its sign is the current direction. */
  private double step;
  private long hits;
  private long misses;
  private double previousHitRate = Double.NaN;

  WindowClimber(long capacity, long samplePeriod) {
    this.capacity = Math.max(1, capacity);
    this.samplePeriod = Math.max(1, samplePeriod);
    this.maxStep = Math.max(1, 2 * INITIAL_STEP * this.capacity);
    this.window = Math.max(1, (long) (INITIAL_WINDOW * this.capacity));
    this.step = Math.max(1, INITIAL_STEP * this.capacity);
    this.rounded = Math.round(window);
  }

  /** Climbs on from {@code newWindow} as if just started there: first step, upwards, no reference sample. */
  void restartAt(long newWindow) {
    window = Math.max(1, Math.min(capacity, newWindow));
    rounded = Math.round(window);
    step = Math.max(1, INITIAL_STEP * capacity);
    hits = 0;
    misses = 0;
    previousHitRate = Double.NaN;
  }

  /** The window size to use now. */
  long window() {
    return rounded;
  }

  /** Counts a hit; returns the window size to use from now on. */
  long onHit() {
    hits++;
    return hits + misses >= samplePeriod ? climb() : window();
  }

  /** Counts a miss; returns the window size to use from now on. */
  long onMiss() {
    misses++;
    return hits + misses >= samplePeriod ? climb() : window();
  }

  private long climb() {
    double hitRate = (double) hits / (hits + misses);
    hits = 0;
    misses = 0;
    if (!Double.isNaN(previousHitRate)) {
      boolean worse = hitRate < previousHitRate;
      double move = worse ? -step : step;
      step = worse ? move * TURN : Math.copySign(Math.min(Math.abs(move) * GROWTH, maxStep), move);
      window = Math.max(1, Math.min(capacity, window + move));
      rounded = Math.round(window);
    }
    previousHitRate = hitRate;
    return window();
  }
}
