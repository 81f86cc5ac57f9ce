package dev.cachefn.jcache.internal;

import dev.cachefn.jcache.internal.JCacheStatistics.Count;

/**
 * Where every operation of one cache begins and ends: {@link #begin()} starts its {@link Effects} (and its
 * timer while statistics are on); {@link #end} applies them once the key's lock is released: JCache
 * statistics, the lookups of the CacheFn view (when there is one), the listeners' events, and the time in
 * the {@link Timing} the operation counts in. Evictions and iterated hits are recorded here too.
 *
 * <p>Thread-safe: the switches are volatile; the statistics are {@code LongAdder}s.
 */
final class OperationRecorder<K, V> {

  /** Which JCache average an operation's time counts in. */
  enum Timing {
    /** No timing ({@code loadAll}). */
    NONE(),
    GET(Count.GET_NANOS),
    PUT(Count.PUT_NANOS),
    REMOVE(Count.REMOVE_NANOS),
    /** {@code getAndPut}, {@code getAndReplace}: a get and a put. */
    GET_AND_PUT(Count.GET_NANOS, Count.PUT_NANOS),
    /** {@code getAndRemove}: a get and a removal. */
    GET_AND_REMOVE(Count.GET_NANOS, Count.REMOVE_NANOS);

    private final Count[] times;

    Timing(Count... times) {
      this.times = times;
    }

    void record(JCacheStatistics statistics, long nanos) {
      for (Count time : times) {
        statistics.add(time, nanos);
      }
    }
  }

  private final JCacheStatistics statistics;
  private final EventDispatcher<K, V> events;
  private volatile boolean statisticsEnabled;
  /** The CacheFn view's keyspace once {@code unwrap(dev.cachefn.Cache.class)} made it, else null. */
  private volatile EntryStoreKeyspace<K, V> view;

  OperationRecorder(JCacheStatistics statistics, EventDispatcher<K, V> events) {
    this.statistics = statistics;
    this.events = events;
  }

  /** Starts an operation; events are kept only while some listener is registered. */
  Effects<K, V> begin() {
    return new Effects<>(!events.isEmpty(), statisticsEnabled ? System.nanoTime() : 0);
  }

  /**
   * Applies what the operation did, after its key locks are released: counts, the view's lookups, events
   * (synchronous listeners run here, and their failure is thrown from here), then its time.
   */
  void end(Effects<K, V> effects, Timing timing) {
    if (statisticsEnabled) {
      statistics.add(Count.HITS, effects.hits);
      statistics.add(Count.MISSES, effects.misses);
      statistics.add(Count.PUTS, effects.puts);
      statistics.add(Count.REMOVALS, effects.removals);
    }
    EntryStoreKeyspace<K, V> current = view;
    if (current != null) {
      current.counted(effects.hits, effects.misses);
    }
    events.dispatch(effects.events());
    timing.record(statistics, statisticsEnabled && effects.startedAt != 0 ? System.nanoTime() - effects.startedAt : 0);
  }

  /** An entry the engine evicted: counted, and told to the view (no event, no write-through). */
  void evicted(K key, StoredEntry<V> entry) {
    if (statisticsEnabled) {
      statistics.add(Count.EVICTIONS, 1);
    }
    EntryStoreKeyspace<K, V> current = view;
    if (current != null) {
      current.evicted(key, entry);
    }
  }

  /** An entry handed out by iteration: a hit. */
  void iterated() {
    if (statisticsEnabled) {
      statistics.add(Count.HITS, 1);
    }
  }

  void statisticsEnabled(boolean enabled) {
    statisticsEnabled = enabled;
  }

  /** From now on the view counts the lookups of JCache operations and hears of evictions. */
  void attach(EntryStoreKeyspace<K, V> keyspace) {
    view = keyspace;
  }
}
