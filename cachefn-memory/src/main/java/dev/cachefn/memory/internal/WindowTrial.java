package dev.cachefn.memory.internal;

import java.util.Arrays;

/**
 * A small simulated cache that tries one fixed window share: the same admission policy as
 * {@link AdaptiveAdmissionOrder} (an LRU window, a segmented-LRU main area, admission by the shared
 * {@link FrequencySketch}), but over key hashes only, held in a few flat arrays. {@link WindowTrials} feeds it
 * the accesses of a hash-sampled subset of the keys and compares its hits with those of trials of other
 * window shares.
 *
 * <p>Keys are 32-bit hashes: two keys of equal hash count as one, which only blurs the estimate. Every
 * operation is O(1), amortised: the arrays start small and double as the simulated entries grow in number (up
 * to the capacity), so a trial of a large, empty cache holds almost nothing. Memory: about 17 bytes per
 * simulated entry held (the index kept at most half full). Not thread-safe.
 */
final class WindowTrial {

  private static final byte WINDOW = 0;
  private static final byte PROBATION = 1;
  private static final byte PROTECTED = 2;
  private static final int NONE = -1;
  private static final int INITIAL_SLOTS = 16;

  private final double windowShare;
  private final int capacity;
  private final int windowTarget;
  private final int protectedTarget;

  // slot arrays: one slot per simulated entry, plus one for the newcomer; grown by doubling
  private int[] keys;
  private int[] previous;
  private int[] next;
  private byte[] segment;
  /** Open addressing, linear probing: slot + 1 per used cell, 0 for an empty one; at most half full. */
  private int[] index;
  private int indexMask;

  private final int[] heads = {NONE, NONE, NONE};
  private final int[] tails = {NONE, NONE, NONE};
  private final int[] sizes = new int[3];
  private int used;
  private int spare = NONE;
  private long hits;

  WindowTrial(int capacity, double windowShare) {
    this.capacity = Math.max(1, capacity);
    this.windowShare = windowShare;
    this.windowTarget = (int) Math.max(1, Math.min(this.capacity, Math.round(windowShare * this.capacity)));
    this.protectedTarget = (int) ((this.capacity - windowTarget) * 4L / 5);
    allocate(Math.min(this.capacity + 1, INITIAL_SLOTS));
  }

  private void allocate(int slots) {
    keys = keys == null ? new int[slots] : Arrays.copyOf(keys, slots);
    previous = previous == null ? new int[slots] : Arrays.copyOf(previous, slots);
    next = next == null ? new int[slots] : Arrays.copyOf(next, slots);
    segment = segment == null ? new byte[slots] : Arrays.copyOf(segment, slots);
    index = new int[Integer.highestOneBit(slots * 2 - 1) * 2];
    indexMask = index.length - 1;
    for (int slot = 0; slot < used; slot++) {
      if (slot != spare) {
        put(keys[slot], slot);
      }
    }
  }

  /** A free slot: the one last evicted, or a new one (the arrays doubled first if all are in use). */
  private int freeSlot() {
    if (spare != NONE) {
      int slot = spare;
      spare = NONE;
      return slot;
    }
    if (used == keys.length) {
      allocate((int) Math.min(capacity + 1L, 2L * keys.length));
    }
    return used++;
  }

  /** The window's share of the capacity this trial simulates. */
  double windowShare() {
    return windowShare;
  }

  /** How many entries the arrays have room for now (for tests): they grow with the entries simulated. */
  int allocatedSlots() {
    return keys.length;
  }

  /** Hits since the last {@link #takeHits}, which resets the count. */
  long takeHits() {
    long taken = hits;
    hits = 0;
    return taken;
  }

  /** One access of the key of hash {@code key}; the sketch has counted it already. */
  void access(int key, FrequencySketch sketch) {
    int slot = find(key);
    if (slot != NONE) {
      hits++;
      touch(slot);
      return;
    }
    slot = freeSlot();
    keys[slot] = key;
    put(key, slot);
    append(WINDOW, slot);
    while (sizes[WINDOW] > windowTarget && size() <= capacity) {
      move(heads[WINDOW], PROBATION);
    }
    if (size() > capacity) {
      evict(victim(sketch));
    }
  }

  private int size() {
    return sizes[WINDOW] + sizes[PROBATION] + sizes[PROTECTED];
  }

  private int victim(FrequencySketch sketch) {
    int resident = heads[PROBATION] != NONE ? heads[PROBATION] : heads[PROTECTED];
    if (sizes[WINDOW] <= windowTarget || resident == NONE) {
      return resident != NONE ? resident : heads[WINDOW];
    }
    int candidate = heads[WINDOW];
    int candidateCount = sketch.frequency(keys[candidate]);
    int residentCount = sketch.frequency(keys[resident]);
    if (candidateCount > residentCount + (candidateCount >= AdaptiveAdmissionOrder.WARM ? 1 : 0)) {
      move(candidate, PROBATION);
      return resident;
    }
    return candidate;
  }

  private void touch(int slot) {
    switch (segment[slot]) {
      case WINDOW -> move(slot, WINDOW);
      case PROBATION -> {
        move(slot, PROTECTED);
        while (sizes[PROTECTED] > protectedTarget) {
          move(heads[PROTECTED], PROBATION);
        }
      }
      default -> move(slot, PROTECTED);
    }
  }

  private void evict(int slot) {
    unlink(slot);
    delete(keys[slot]);
    spare = slot;
  }

  private void move(int slot, byte to) {
    unlink(slot);
    append(to, slot);
  }

  private void append(byte list, int slot) {
    segment[slot] = list;
    previous[slot] = tails[list];
    next[slot] = NONE;
    if (tails[list] == NONE) {
      heads[list] = slot;
    } else {
      next[tails[list]] = slot;
    }
    tails[list] = slot;
    sizes[list]++;
  }

  private void unlink(int slot) {
    byte list = segment[slot];
    int before = previous[slot];
    int after = next[slot];
    if (before == NONE) {
      heads[list] = after;
    } else {
      next[before] = after;
    }
    if (after == NONE) {
      tails[list] = before;
    } else {
      previous[after] = before;
    }
    sizes[list]--;
  }

  private static int spread(int key) {
    int h = key * 0x9E37_79B9;
    return h ^ (h >>> 16);
  }

  private int find(int key) {
    for (int cell = spread(key) & indexMask; index[cell] != 0; cell = (cell + 1) & indexMask) {
      if (keys[index[cell] - 1] == key) {
        return index[cell] - 1;
      }
    }
    return NONE;
  }

  private void put(int key, int slot) {
    int cell = spread(key) & indexMask;
    while (index[cell] != 0) {
      cell = (cell + 1) & indexMask;
    }
    index[cell] = slot + 1;
  }

  /** Removes {@code key} from the index, shifting later cells of its probe run back (no tombstones). */
  private void delete(int key) {
    int cell = spread(key) & indexMask;
    while (keys[index[cell] - 1] != key) {
      cell = (cell + 1) & indexMask;
    }
    int hole = cell;
    for (int probe = (hole + 1) & indexMask; index[probe] != 0; probe = (probe + 1) & indexMask) {
      int home = spread(keys[index[probe] - 1]) & indexMask;
      boolean movable = hole <= probe ? (home <= hole || home > probe) : (home <= hole && home > probe);
      if (movable) {
        index[hole] = index[probe];
        hole = probe;
      }
    }
    index[hole] = 0;
  }
}
