package dev.cachefn.memory.internal;

import java.util.Arrays;

/**
 * An approximate, ageing count of how often each key was seen recently: a count-min sketch of 4-bit
 * counters. A key maps to four counters, all in one 64-byte block of the table (so a read or an increment
 * touches one cache line, not four): one counter in each pair of longs of the block, at a nibble chosen by
 * the key's hash. Its estimate is the smallest of them; an increment raises all four (below 15, where counts
 * saturate). After {@code 10 × capacity} increments every counter is halved, so old popularity fades and the
 * sketch follows the workload, as fast for a small cache as for a large one.
 *
 * <p>Raising only the smallest counters (conservative update) was tried with that ageing: it kept a loop's
 * counts too low to hold a steady subset (loop trace at 250 entries: 8.6 % instead of 23.7 %).
 *
 * <p>Memory: one {@code long} (16 counters) per entry held, the entry count rounded up to a power of two,
 * grown as the cache fills (at most 32 MiB); growing keeps the counts, halved. Not thread-safe: the engine uses it
 * under its lock.
 */
final class FrequencySketch {

  static final int MAX_COUNT = 15;
  private static final long HALVING_MASK = 0x7777_7777_7777_7777L;

  /** One long (16 counters) per entry, as much as Caffeine's sketch takes; two would gain about a point. */
  private static final int LONGS_PER_ENTRY = 1;
  private static final int MIN_LONGS = 16;
  private static final long INITIAL_ENTRIES = 1_024;
  private static final int MAX_LONGS = 1 << 22;

  private final long capacity;
  private long[] table;
  private int blockMask;
  private int sampleSize;
  private int additions;
  /** Advances whenever counts may have dropped (halving, clearing, a new table). */
  private int generation;

  /**
   * A sketch for a cache of at most {@code capacity} entries. It starts sized for up to 1,024 entries and
   * grows with the cache ({@link #ensureCapacity}), so a large bound costs nothing until it is used.
   */
  FrequencySketch(long capacity) {
    this.capacity = Math.max(1, capacity);
    allocate(longsFor(Math.min(this.capacity, INITIAL_ENTRIES)));
  }

  /**
   * Grows the table, if needed, to one {@code long} per entry for {@code entries} entries (a power of two,
   * within the capacity). Growing keeps the counts, halved once per doubling: the table is repeated, so a
   * key's four counters (same place within a block; its block number only gains a high bit) hold what they
   * held; the keys that shared a counter are now spread over two, so half is what each is likely to own.
   * A cache that fills slowly keeps what it learnt (multi1 at 1,500 entries: 79.9 % instead of 75.1 % when
   * growing forgot the counts), and one that grows by orders of magnitude at once does not inherit counts
   * inflated by a table far too small (P3 at 100,000: 39.5 % kept halved, 33.6 % kept whole). Amortised O(1):
   * the table at least doubles, once per as many entries as it held.
   */
  void ensureCapacity(long entries) {
    int held = table.length / LONGS_PER_ENTRY;
    if (entries > held && held < capacity && table.length < MAX_LONGS) {
      int longs = longsFor(Math.min(entries, capacity));
      long[] grown = Arrays.copyOf(table, longs);
      for (int filled = table.length; filled < longs; filled *= 2) {
        for (int i = 0; i < filled; i++) {
          grown[i] = (grown[i] >>> 1) & HALVING_MASK;
        }
        System.arraycopy(grown, 0, grown, filled, filled);
        additions >>>= 1;
      }
      generation++;
      resize(grown);
    }
  }

  private static int longsFor(long entries) {
    long wanted = Math.max(MIN_LONGS / LONGS_PER_ENTRY, Math.min(entries, MAX_LONGS / LONGS_PER_ENTRY));
    return Integer.highestOneBit((int) wanted * 2 - 1) * LONGS_PER_ENTRY;
  }

  private void allocate(int longs) {
    generation++;
    resize(new long[longs]);
    additions = 0;
  }

  private void resize(long[] newTable) {
    table = newTable;
    blockMask = newTable.length / 8 - 1;
    sampleSize = (int) (10 * Math.min(capacity, newTable.length / LONGS_PER_ENTRY));
  }

  /** The estimated recent count of {@code hash}, 0 to {@value #MAX_COUNT}. */
  int frequency(int hash) {
    long mixed = mix(hash);
    int block = block(mixed);
    int spread = (int) (mixed >>> 32);
    int min = MAX_COUNT;
    for (int i = 0; i < 4; i++) {
      min = Math.min(min, (int) (table[slot(block, spread, i)] >>> shift(spread, i)) & 0xF);
    }
    return min;
  }

  /**
   * A number that changes whenever counts may have dropped: when they are halved or cleared, or the table is
   * grown. Counts never drop otherwise, so a key found at {@value #MAX_COUNT} stays there while this is
   * unchanged, and incrementing it changes nothing.
   */
  int generation() {
    return generation;
  }

  /**
   * Counts one more occurrence of {@code hash}: raises each of its counters below {@value #MAX_COUNT}; every
   * {@code 10 × capacity} of them, halves all counts.
   * Returns whether the estimate of {@code hash} is now {@value #MAX_COUNT} (then, until the {@link
   * #generation} changes, further increments of it would change nothing).
   */
  boolean increment(int hash) {
    long mixed = mix(hash);
    int block = block(mixed);
    int spread = (int) (mixed >>> 32);
    int i0 = slot(block, spread, 0);
    int i1 = slot(block, spread, 1);
    int i2 = slot(block, spread, 2);
    int i3 = slot(block, spread, 3);
    int s0 = shift(spread, 0);
    int s1 = shift(spread, 1);
    int s2 = shift(spread, 2);
    int s3 = shift(spread, 3);
    int c0 = (int) (table[i0] >>> s0) & 0xF;
    int c1 = (int) (table[i1] >>> s1) & 0xF;
    int c2 = (int) (table[i2] >>> s2) & 0xF;
    int c3 = (int) (table[i3] >>> s3) & 0xF;
    int min = Math.min(Math.min(c0, c1), Math.min(c2, c3));
    if (min == MAX_COUNT) {
      return true;
    }
    if (c0 < MAX_COUNT) {
      table[i0] += 1L << s0;
    }
    if (c1 < MAX_COUNT) {
      table[i1] += 1L << s1;
    }
    if (c2 < MAX_COUNT) {
      table[i2] += 1L << s2;
    }
    if (c3 < MAX_COUNT) {
      table[i3] += 1L << s3;
    }
    if (++additions >= sampleSize) {
      halve();
      return false;
    }
    return min + 1 == MAX_COUNT;
  }

  /** Forgets every count. */
  void clear() {
    Arrays.fill(table, 0L);
    additions = 0;
    generation++;
  }

  /** Halves every counter (ageing). */
  void halve() {
    for (int i = 0; i < table.length; i++) {
      table[i] = (table[i] >>> 1) & HALVING_MASK;
    }
    additions >>>= 1;
    generation++;
  }

  /** The first of the 8 longs (one 64-byte cache line) that hold all four counters of a key. */
  private int block(long mixed) {
    return ((int) mixed & blockMask) << 3;
  }

  /** The long of the {@code i}-th counter: the i-th pair of the block, one of the two by a hash bit. */
  private static int slot(int block, int spread, int i) {
    return block + (i << 1) + ((spread >>> i) & 1);
  }

  /** The bit offset of the {@code i}-th counter in its long: one of 16 nibbles, by 4 more hash bits. */
  private static int shift(int spread, int i) {
    return ((spread >>> (8 + (i << 2))) & 15) << 2;
  }

  /** Spreads a (possibly weak) 32-bit hash over 64 bits: the low half picks the block, the high half the counters. */
  private static long mix(int hash) {
    long x = (hash & 0xFFFF_FFFFL) * 0x9E37_79B9_7F4A_7C15L;
    x ^= x >>> 29;
    x *= 0xBF58_476D_1CE4_E5B9L;
    return x ^ (x >>> 32);
  }
}
