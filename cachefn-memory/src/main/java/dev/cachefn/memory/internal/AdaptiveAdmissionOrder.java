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
 * a recency-friendly one grows it (towards LRU), a scan- or frequency-heavy one keeps it small. From
 * {@value WindowTrials#MIN_CAPACITY} entries on, {@link WindowTrials} choose it by simulating a hash-sampled
 * subset of the keys at several fixed shares (it can jump across a share range that does worse than both
 * ends, which hill climbing cannot); smaller caches, too small to sample, use a {@link WindowClimber}.
 *
 * <p>Every operation is O(1), apart from the sketch's ageing, one pass over its table per
 * {@code 10 × capacity} counts. Reads that never reach the policy (dropped under contention) only make an
 * entry look colder. Not thread-safe: the engine calls it under its lock.
 */
final class AdaptiveAdmissionOrder<V> implements EvictionOrder<V> {

  /** From this estimated count on, a candidate must lead the victim by two to be admitted. */
  static final int WARM = 4;

  private static final byte WINDOW = 0;
  private static final byte PROBATION = 1;
  private static final byte PROTECTED = 2;

  private final long capacity;
  private final FrequencySketch sketch;
  private final @Nullable WindowClimber climber;
  private final @Nullable WindowTrials trials;
  private final RecencyList<V> window = new RecencyList<>();
  private final RecencyList<V> probation = new RecencyList<>();
  private final RecencyList<V> protectedArea = new RecencyList<>();

  /** The window size last asked for by the climber or the trials, before {@link #resize} bounds it. */
  private long requestedWindow = -1;
  private long windowTarget;
  private long protectedTarget;

  /** An order whose window is chosen by trials from {@value WindowTrials#MIN_CAPACITY} entries on, else by climbing. */
  AdaptiveAdmissionOrder(long capacity) {
    this(capacity, capacity < WindowTrials.MIN_CAPACITY ? new WindowClimber(capacity) : null);
  }

  /** An order whose window is chosen by {@code climber}, or by trials if it is {@code null}. */
  AdaptiveAdmissionOrder(long capacity, @Nullable WindowClimber climber) {
    this.capacity = Math.max(1, capacity);
    this.sketch = new FrequencySketch(this.capacity);
    this.climber = climber;
    this.trials = climber == null ? new WindowTrials(this.capacity, sketch) : null;
    resize(climber != null ? climber.window() : trials.window());
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
    sketch.increment(hash);
    while (window.size() > windowTarget && size() <= capacity) {
      moveToProbation(window.head()); // room to spare: no contest needed
    }
    resize(climber != null ? climber.onMiss() : trials.record(hash));
  }

  @Override
  public void recordReplace(Node<V> previous, Node<V> node) {
    node.setSegment(previous.segment());
    listOf(previous).replace(previous, node);
    sketch.increment(node.key.hashCode());
    touch(node);
  }

  @Override
  public void recordAccess(Node<V> node) {
    int hash = node.key.hashCode();
    sketch.increment(hash);
    touch(node);
    resize(climber != null ? climber.onHit() : trials.record(hash));
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

  private void touch(Node<V> node) {
    switch (node.segment()) {
      case WINDOW -> window.moveToLast(node);
      case PROBATION -> {
        probation.unlink(node);
        node.setSegment(PROTECTED);
        protectedArea.addLast(node);
        demoteOverflow();
      }
      default -> protectedArea.moveToLast(node);
    }
  }

  private void demoteOverflow() {
    while (protectedArea.size() > protectedTarget) {
      Node<V> eldest = protectedArea.head();
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
