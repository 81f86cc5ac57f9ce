package dev.cachefn;

/**
 * Which entry a bounded cache gives up when it is full; chosen with {@link CacheBuilder#evictionPolicy}.
 * A storage that manages its own memory (a remote one) may ignore it and must say so.
 */
public enum EvictionPolicy {

  /**
   * Strict least-recently-used: every new entry is kept, and the entry read or written longest ago is
   * evicted. Predictable, and the best choice when recent use is the only good guide; it keeps nothing
   * through a scan or a loop over more keys than fit (hit rate 0 on such a loop).
   */
  LRU,

  /**
   * Frequency-based admission with a recency window that adapts to the workload: new entries enter a small
   * LRU window, and an entry leaving it displaces a resident only if it has been used more often recently,
   * which protects popular entries from scans and one-off keys. The window's share of the capacity follows
   * the workload (a hill climber moves it; simulated caches of fixed shares over a sample of the keys, all of
   * them below 1,024 entries, make it jump to a share that clearly did better), so recency-friendly workloads
   * are served almost like LRU. What it allocates grows with the entries held, not with the bound. A written entry that is not read again may be
   * evicted soon: once newer entries push it out of the window (the window is 1 % of the capacity at first),
   * if it loses that comparison. Reads of the most used entries cost less than under {@link #LRU}.
   */
  ADAPTIVE_FREQUENCY
}
