package dev.cachefn.jcache.internal;

import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * A cache's JCache statistics, also its {@code CacheStatistics} MXBean. Counted in {@link LongAdder}s, so
 * concurrent updates do not contend; times are kept in nanoseconds and reported as average microseconds.
 * Thread-safe; a snapshot read while operations run may mix counts from before and after one of them.
 */
public final class JCacheStatistics implements CacheStatisticsMXBean {

  /** What is counted: the operations' outcomes, and the nanoseconds spent in each timed kind of operation. */
  enum Count {
    HITS, MISSES, PUTS, REMOVALS, EVICTIONS, GET_NANOS, PUT_NANOS, REMOVE_NANOS
  }

  private final LongAdder[] counts = new LongAdder[Count.values().length];

  JCacheStatistics() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Adds {@code amount} to {@code count}; 0 (what the cache passes while recording is off) writes nothing shared. */
  void add(Count count, long amount) {
    if (amount != 0) {
      counts[count.ordinal()].add(amount);
    }
  }

  private long sum(Count count) {
    return counts[count.ordinal()].sum();
  }

  @Override
  public void clear() {
    for (LongAdder count : counts) {
      count.reset();
    }
  }

  @Override
  public long getCacheHits() {
    return sum(Count.HITS);
  }

  @Override
  public float getCacheHitPercentage() {
    return percentage(getCacheHits(), getCacheGets());
  }

  @Override
  public long getCacheMisses() {
    return sum(Count.MISSES);
  }

  @Override
  public float getCacheMissPercentage() {
    return percentage(getCacheMisses(), getCacheGets());
  }

  @Override
  public long getCacheGets() {
    return getCacheHits() + getCacheMisses();
  }

  @Override
  public long getCachePuts() {
    return sum(Count.PUTS);
  }

  @Override
  public long getCacheRemovals() {
    return sum(Count.REMOVALS);
  }

  @Override
  public long getCacheEvictions() {
    return sum(Count.EVICTIONS);
  }

  @Override
  public float getAverageGetTime() {
    return averageMicros(sum(Count.GET_NANOS), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return averageMicros(sum(Count.PUT_NANOS), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return averageMicros(sum(Count.REMOVE_NANOS), getCacheRemovals());
  }

  private static float percentage(long part, long whole) {
    return whole == 0 ? 0f : (float) part / whole * 100f;
  }

  private static float averageMicros(long nanos, long count) {
    return count == 0 ? 0f : (float) (nanos / 1_000.0 / count);
  }
}
