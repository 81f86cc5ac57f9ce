package dev.cachefn.memory.internal;

import org.jspecify.annotations.Nullable;

/**
 * Eviction that admits by frequency and adapts between recency and frequency. Every new entry enters a small
 * LRU <em>window</em>. An entry pushed out of the window enters the <em>main</em> area only if a
 * {@link FrequencySketch} says it was used more often lately than the main area's next victim; otherwise it
 * is the one evicted. That keeps scans and one-off keys from flushing the popular entries. The main area is
 * a segmented LRU: a hit in <em>probation</em> promotes an entry to <em>protected</em> (80 % of the main
 * area), the least recent protected entries drop back to probation, and probation's least recent entry is
 * the main area's victim.
 *
 * <p>Admission asks for a clear lead once counts are warm ({@value #WARM} or more): a candidate that was
 * just used is always one count ahead of a resident whose turn has not come yet in a loop, and that lead
 * alone would make the policy churn like LRU. The window's share of the capacity adapts to the workload:
 * a recency-friendly one grows it (towards LRU), a scan- or frequency-heavy one keeps it small. A
 * {@link WindowClimber} moves it step by step, and {@link WindowTrials}, simulations of several fixed shares
 * over a hash-sampled subset of the keys (every key in a cache below 1,024 entries), make it jump to a share
 * that clearly hit more than the cache did on the same keys.
 *
 * <p>A protected entry whose count is saturated is marked, unless its key is one the trials sample: its
 * reads then skip the sketch (counting them would change nothing), the trials and even the move in the
 * protected list; a demotion that meets it moves it to the most recent end instead (a CLOCK's second
 * chance). The engine does not even buffer such reads ({@link #ignoresQuietReads}). Under a
 * skewed workload that is most reads, which then cost less than LRU's. The marks are cleared whenever the
 * sketch's counts may drop.
 *
 * <p>Every operation is O(1), apart from the sketch's ageing, one pass over its table (and over the protected
 * list, for the marks) per {@code 10 × capacity} counts. Reads that never reach the policy (dropped under
 * contention) only make an entry look colder. Not thread-safe: the engine calls it under its lock.
 */
final class AdaptiveAdmissionOrder<V> implements EvictionOrder<V> {

  /** From this estimated count on, a candidate must lead the victim by two to be admitted. */
  static final int WARM = 4;

  private static final byte WINDOW = 0;
  private static final byte PROBATION = 1;
  private static final byte PROTECTED = 2;
  /**
   * A protected entry whose count the sketch holds at {@value FrequencySketch#MAX_COUNT} in its current
   * generation, and whose key the {@link WindowTrials} do not sample: counting a read of it would change
   * nothing, so its reads skip the sketch and the trials.
   */
  private static final byte PROTECTED_SATURATED = Node.QUIET;
  /** How many saturated entries one demotion passes over at most, so that it stays O(1). */
  private static final int SECOND_CHANCES = 8;

  private final long capacity;
  private final FrequencySketch sketch;
  private final WindowTrials trials;
  private final RecencyList<V> window = new RecencyList<>();
  private final RecencyList<V> probation = new RecencyList<>();
  private final RecencyList<V> protectedArea = new RecencyList<>();

  /** The window size last asked for by the trials, before {@link #resize} bounds it. */
  private long requestedWindow = -1;
  private long windowTarget;
  private long protectedTarget;
  /**
   * Whether the {@link WindowTrials}' simulations see accesses. When they sample every key (a cache below
   * 1,024 entries), each read runs five simulations: they then start only once the cache is first full, since
   * before that nothing is evicted and no window share can do better than another, and a small cache whose
   * entries all fit (a {@code @Memoize} cache, say) would pay that on every read for nothing. When they sample
   * one key in 2 or more, they run from the start: the cost is that much rarer, and a large cache's fill is
   * long enough for the history to matter (P3 at 200,000 entries lost 4 points when its trials started once
   * it was first full). The climber sees the sampled accesses all along.
   */
  private boolean trialsStarted;
  /** The sketch generation that the {@link #PROTECTED_SATURATED} marks hold for. */
  private int sketchGeneration;

  /** An order for at most {@code capacity} entries; what it allocates grows with the entries it holds. */
  AdaptiveAdmissionOrder(long capacity) {
    this.capacity = Math.max(1, capacity);
    this.sketch = new FrequencySketch(this.capacity);
    this.trials = new WindowTrials(this.capacity, sketch);
    this.sketchGeneration = sketch.generation();
    this.trialsStarted = trials.sampleRate() > 1;
    resize(trials.window());
  }

  /** The sketch's estimate for {@code node}'s key (for tests). */
  int frequency(Node<V> node) {
    return sketch.frequency(node.key.hashCode());
  }

  /** Whether the trials sample {@code node}'s key (for tests): a sampled key is never marked saturated. */
  boolean sampled(Node<V> node) {
    return trials.samples(node.key.hashCode());
  }

  /** Whether the trials' simulations see accesses yet (for tests): see {@link #trialsStarted}. */
  boolean simulating() {
    return trialsStarted;
  }

  /** How many entries the window aims to hold now. */
  long windowTarget() {
    return windowTarget;
  }

  @Override
  public void recordInsert(Node<V> node) {
    node.setSegment(WINDOW);
    window.addLast(node);
    sketch.ensureCapacity(size());
    int hash = node.key.hashCode();
    count(hash);
    while (window.size() > windowTarget && size() <= capacity) {
      moveToProbation(window.head()); // room to spare: no contest needed
    }
    if (!trialsStarted && size() >= capacity) {
      trialsStarted = true;
    }
    resize(trialsStarted ? trials.record(hash, false) : trials.climb(hash, false));
  }

  @Override
  public void recordReplace(Node<V> previous, Node<V> node) {
    node.setSegment(previous.segment());
    listOf(previous).replace(previous, node);
    int hash = node.key.hashCode();
    touch(node, count(hash) && unsampled(hash));
  }

  /**
   * Reads of an entry marked {@link #PROTECTED_SATURATED} change nothing (no count, no move, no trial, no
   * climber count: the climber counts only sampled keys; see {@link #demoteOverflow}).
   */
  @Override
  public boolean ignoresQuietReads() {
    return true;
  }

  /**
   * The read replay, every read of a single thread. A read of an entry marked {@link #PROTECTED_SATURATED}
   * (most reads, under a skewed workload) changes nothing; the engine does not even buffer such reads
   * ({@link #ignoresQuietReads}).
   */
  @Override
  public void recordAccess(Node<V> node) {
    if (node.segment() == PROTECTED_SATURATED) {
      return;
    }
    int hash = node.key.hashCode();
    touch(node, count(hash) && unsampled(hash));
    resize(trialsStarted ? trials.record(hash, true) : trials.climb(hash, true));
  }

  /**
   * Whether the {@link WindowTrials} ignore the key of {@code hash}, so that a read of it may skip them: a
   * sampled key is never marked {@link #PROTECTED_SATURATED}, since the trials (and, before they start, the
   * climber) must see its every access.
   */
  private boolean unsampled(int hash) {
    return !trials.samples(hash);
  }

  /**
   * Counts {@code hash} in the sketch; returns whether its count is saturated. If that ended the sketch's
   * generation (counts halved, or a new table), no count is known to be saturated any more.
   */
  private boolean count(int hash) {
    boolean saturated = sketch.increment(hash);
    if (sketch.generation() != sketchGeneration) {
      forgetSaturation();
    }
    return saturated;
  }

  /** Clears every {@link #PROTECTED_SATURATED} mark: one pass over the protected list per sketch generation. */
  private void forgetSaturation() {
    sketchGeneration = sketch.generation();
    for (Node<V> node = protectedArea.head(); node != null; node = node.next) {
      if (node.segment() == PROTECTED_SATURATED) {
        node.setSegment(PROTECTED); // only marked nodes are written: the others' cache lines stay clean
      }
    }
  }

  @Override
  public void remove(Node<V> node) {
    listOf(node).unlink(node);
  }

  @Override
  public @Nullable Node<V> victim() {
    long mainTarget = capacity - windowTarget;
    while (window.size() > windowTarget && mainSize() < mainTarget) {
      moveToProbation(window.head()); // the window shrank: hand its oldest entries to the main area
    }
    Node<V> resident = mainVictim();
    if (window.size() <= windowTarget || resident == null) {
      return resident != null ? resident : window.head();
    }
    Node<V> candidate = window.head();
    if (admits(candidate, resident)) {
      moveToProbation(candidate);
      return resident;
    }
    return candidate;
  }

  @Override
  public void clear() {
    window.clear();
    probation.clear();
    protectedArea.clear();
  }

  private long mainSize() {
    return (long) probation.size() + protectedArea.size();
  }

  private long size() {
    return window.size() + mainSize();
  }

  private @Nullable Node<V> mainVictim() {
    Node<V> head = probation.head();
    return head != null ? head : protectedArea.head();
  }

  private boolean admits(Node<V> candidate, Node<V> resident) {
    int candidateCount = sketch.frequency(candidate.key.hashCode());
    int residentCount = sketch.frequency(resident.key.hashCode());
    return candidateCount > residentCount + (candidateCount >= WARM ? 1 : 0);
  }

  /** Moves a just-used {@code node} to the most recent end of its area; {@code saturated}: see {@link #count}. */
  private void touch(Node<V> node, boolean saturated) {
    switch (node.segment()) {
      case WINDOW -> window.moveToLast(node);
      case PROBATION -> promote(node, saturated);
      default -> {
        protectedArea.moveToLast(node);
        node.setSegment(saturated ? PROTECTED_SATURATED : PROTECTED);
      }
    }
  }

  private void promote(Node<V> node, boolean saturated) {
    probation.unlink(node);
    node.setSegment(PROTECTED);
    protectedArea.addLast(node);
    demoteOverflow();
    if (saturated && node.segment() == PROTECTED) {
      node.setSegment(PROTECTED_SATURATED);
    }
  }

  /**
   * Moves the least recent protected entries to probation until the protected area is back to its target.
   * An entry marked {@link #PROTECTED_SATURATED} is not moved by its reads, so its place in the list says
   * nothing about its last use; it is among the most used keys of the sketch's generation, and gets a second
   * chance instead (moved to the most recent end), up to {@value #SECOND_CHANCES} in a row.
   */
  private void demoteOverflow() {
    int secondChances = SECOND_CHANCES;
    while (protectedArea.size() > protectedTarget) {
      Node<V> eldest = protectedArea.head();
      if (eldest.segment() == PROTECTED_SATURATED && secondChances-- > 0) {
        protectedArea.moveToLast(eldest);
        continue;
      }
      protectedArea.unlink(eldest);
      eldest.setSegment(PROBATION);
      probation.addLast(eldest);
    }
  }

  private void moveToProbation(Node<V> node) {
    window.unlink(node);
    node.setSegment(PROBATION);
    probation.addLast(node);
  }

  private void resize(long newWindow) {
    if (newWindow == requestedWindow) {
      return; // nearly always: the window changes once per sample period at most
    }
    requestedWindow = newWindow;
    windowTarget = Math.max(1, Math.min(capacity, newWindow));
    protectedTarget = (capacity - windowTarget) * 4 / 5;
  }

  private RecencyList<V> listOf(Node<V> node) {
    return switch (node.segment()) {
      case WINDOW -> window;
      case PROBATION -> probation;
      default -> protectedArea;
    };
  }
}
