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
   * which protects popular entries from scans and one-off keys. The window's share of the capacity is tuned
   * continually by hill climbing on the hit rate, so recency-friendly workloads are served almost like LRU.
   * A just-written entry may be evicted at once if it loses that comparison.
   */
  ADAPTIVE_FREQUENCY
}
