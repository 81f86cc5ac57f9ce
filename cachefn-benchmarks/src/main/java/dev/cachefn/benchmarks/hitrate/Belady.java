package dev.cachefn.benchmarks.hitrate;

import java.util.Arrays;

/**
 * Bélády's clairvoyant optimum (OPT): on a miss in a full cache, evict the resident key whose next use lies
 * furthest in the future (or never comes); every missed key is admitted. O(n log n): the next use of every
 * access is precomputed backwards, and the residents sit in a max-heap keyed by next use, with stale heap
 * entries (a resident whose next use has moved on) skipped when they surface.
 */
public final class Belady {

  private static final int NEVER = Integer.MAX_VALUE;

  private Belady() {}

  /** The hits of OPT with {@code capacity} entries over the trace. */
  public static long hits(Trace trace, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    int[] ids = trace.ids();
    int n = ids.length;
    int[] nextUse = new int[n];
    int[] upcoming = new int[trace.distinct()];
    Arrays.fill(upcoming, NEVER);
    for (int i = n - 1; i >= 0; i--) {
      nextUse[i] = upcoming[ids[i]];
      upcoming[ids[i]] = i;
    }
    // residentNext[id]: the next use of a resident key, -1 when the key is not resident
    int[] residentNext = upcoming;
    Arrays.fill(residentNext, -1);
    LongMaxHeap heap = new LongMaxHeap(Math.min(n, 1 << 20));
    long hits = 0;
    int size = 0;
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      if (residentNext[id] >= 0) {
        hits++;
      } else {
        if (size == capacity) {
          while (true) {
            long top = heap.pop();
            int victim = (int) top;
            int victimNext = (int) (top >>> 32);
            if (residentNext[victim] == victimNext) {
              residentNext[victim] = -1;
              break;
            }
          }
          size--;
        }
        size++;
      }
      residentNext[id] = nextUse[i];
      heap.push(((long) nextUse[i] << 32) | id);
    }
    return hits;
  }

  /** A binary max-heap of {@code long}s. */
  static final class LongMaxHeap {
    private long[] heap;
    private int size;

    LongMaxHeap(int capacity) {
      heap = new long[Math.max(16, capacity)];
    }

    void push(long value) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heap[parent] >= value) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = value;
    }

    long pop() {
      if (size == 0) {
        throw new IllegalStateException("empty heap");
      }
      long top = heap[0];
      long last = heap[--size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && heap[child + 1] > heap[child]) {
          child++;
        }
        if (heap[child] <= last) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
      return top;
    }
  }
}
