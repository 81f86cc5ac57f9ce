package dev.cachefn.benchmarks;

import java.util.HashSet;
import java.util.Set;

/**
 * The key sequence every hit-path benchmark reads: {@link #SIZE} = 2^15 string keys drawn from a scrambled
 * Zipf distribution over {@link #ITEMS} (~10,900) values, computed once before measuring. A benchmark thread
 * walks the array from a random start with {@code keys[index++ & MASK]}, so no random number is drawn inside
 * a measured method and every thread sees the same skew.
 */
public final class Keys {

  /** The number of precomputed accesses (2^15). */
  public static final int SIZE = 1 << 15;

  /** {@code SIZE - 1}: {@code index & MASK} walks the array cyclically. */
  public static final int MASK = SIZE - 1;

  /** The number of distinct values the distribution is drawn over ({@code SIZE / 3} = 10,922). */
  public static final int ITEMS = SIZE / 3;

  /** The bound of the hit-path caches: twice the distinct keys, so nothing is evicted. */
  public static final int CAPACITY = 2 * ITEMS;

  private static final long SEED = 0x5EED_CAC4EL;

  private Keys() {}

  /** The {@link #SIZE} keys, {@code "user:<n>"}; equal values share one {@code String} instance. */
  public static String[] zipf() {
    ScrambledZipf zipf = new ScrambledZipf(ITEMS, SEED);
    String[] names = new String[ITEMS];
    String[] keys = new String[SIZE];
    for (int i = 0; i < SIZE; i++) {
      int value = (int) zipf.next();
      if (names[value] == null) {
        names[value] = "user:" + value;
      }
      keys[i] = names[value];
    }
    return keys;
  }

  /** The number of distinct keys in {@code keys}. */
  public static int distinct(String[] keys) {
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      seen.add(key);
    }
    return seen.size();
  }

  /** {@code count} keys that never occur in {@link #zipf()}, for filling a table to its final size. */
  public static String[] fillers(int count) {
    String[] fillers = new String[count];
    for (int i = 0; i < count; i++) {
      fillers[i] = "filler:" + i;
    }
    return fillers;
  }
}
