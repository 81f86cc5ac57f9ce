package dev.cachefn.memory.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The lookups a {@link MemoryEngine} counts for one of its views: hits and misses land in the reading
 * thread's stripe of the engine's {@link ReadBuffer}, beside the read it records anyway, so that counting
 * a hit costs no search for a counter of its own. One view counts at a time (the first that claims);
 * its counts are read relative to their values when it claimed them.
 */
final class LookupCounts {

  private final ReadBuffer<?> reads;
  private final AtomicReference<@Nullable Object> claimant = new AtomicReference<>();

  LookupCounts(ReadBuffer<?> reads) {
    this.reads = reads;
  }

  /**
   * Makes {@code view} the one whose lookups are counted, if no other view is. Lookups of a view that is
   * closing may still land after it has released the counts to a next view: only those racing with the close.
   */
  boolean claim(Object view) {
    return claimant.compareAndSet(null, view);
  }

  void release(Object view) {
    claimant.compareAndSet(view, null);
  }

  /** Counts lookups the view judged itself (a batch read through the engine's uncounted reads). */
  void add(long hits, long misses) {
    reads.count(hits, misses);
  }

  long hits() {
    return reads.hits();
  }

  long misses() {
    return reads.misses();
  }
}
