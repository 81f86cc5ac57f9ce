package dev.cachefn.memory.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The nodes that expire, soonest first: a binary min-heap whose nodes know their index, so that removing any
 * node costs O(log n). Guarded by the engine's lock.
 *
 * <p>The heap is ordered on a key per slot, kept in an array beside the nodes (the sifts compare longs in
 * one array instead of reading a field of every node on the path). A slot's key never exceeds its node's
 * deadline, but may be below it: a write that replaces a node with one that expires no sooner (the usual
 * rewrite of an entry with the same TTL) only puts the new node in the old one's slot, O(1), and keeps the
 * old, smaller key. The true deadline is put in the key lazily, when that slot reaches the top in
 * {@link #due} once that key has come ("re-keying"); since keys are lower bounds, a node whose deadline
 * has come always surfaces there, so {@link #due} finds every due node.
 */
final class ExpiryQueue<V> {

  @SuppressWarnings("unchecked")
  private ExpiringNode<V>[] heap = new ExpiringNode[16];
  /** {@code keys[i] <= heap[i].expiresAt}; the heap order is on these. */
  private long[] keys = new long[16];
  private int size;
  /** The smallest key, a lower bound of the soonest deadline, or {@link Node#NEVER}: readable without the lock. */
  private volatile long soonestAt = Node.NEVER;

  boolean isEmpty() {
    return size == 0;
  }

  /**
   * A time no later than the soonest deadline ({@link Node#NEVER} when empty): no entry is due before it.
   * May be read without the engine's lock.
   */
  long soonestDeadline() {
    return soonestAt;
  }

  /**
   * A node whose deadline is {@code now} or earlier, or {@code null} when there is none. Re-keys only the
   * slots whose key has come but whose node's deadline has not, so that a rewritten entry costs nothing here
   * until its old deadline passes.
   */
  @Nullable ExpiringNode<V> due(long now) {
    while (size > 0 && now - keys[0] >= 0) {
      ExpiringNode<V> top = heap[0];
      if (now - top.expiresAt >= 0) {
        return top;
      }
      keys[0] = top.expiresAt;
      siftDown(0);
      publishSoonest();
    }
    return null;
  }

  /** The node with the soonest deadline, or {@code null}; puts the true deadline in stale keys first. */
  @Nullable ExpiringNode<V> soonest() {
    while (size > 0) {
      ExpiringNode<V> top = heap[0];
      if (keys[0] == top.expiresAt) {
        return top;
      }
      keys[0] = top.expiresAt; // later than the old key: only moving down can restore the order
      siftDown(0);
      publishSoonest();
    }
    return null;
  }

  void add(ExpiringNode<V> node) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
    }
    place(node, node.expiresAt, size);
    size++;
    siftUp(node.heapIndex);
    publishSoonest();
  }

  /**
   * {@code node} takes the place of {@code previous} (the entry of the same key that it replaces), either
   * of which may have no TTL. When both expire and {@code node} no sooner, this is O(1).
   */
  void replace(Node<V> previous, Node<V> node) {
    int index = previous instanceof ExpiringNode<V> queued ? queued.heapIndex : -1;
    if (!(node instanceof ExpiringNode<V> expiring)) {
      if (index >= 0) {
        remove((ExpiringNode<V>) previous);
      }
      return;
    }
    if (index < 0) {
      add(expiring);
      return;
    }
    ((ExpiringNode<V>) previous).heapIndex = -1;
    if (expiring.expiresAt - keys[index] >= 0) {
      heap[index] = expiring; // the old key stays a lower bound of the new deadline
      expiring.heapIndex = index;
      return;
    }
    place(expiring, expiring.expiresAt, index); // sooner than the old key: it can only move up
    siftUp(index);
    publishSoonest();
  }

  void remove(ExpiringNode<V> node) {
    int index = node.heapIndex;
    if (index < 0) {
      return;
    }
    node.heapIndex = -1;
    size--;
    if (index == size) {
      heap[size] = null;
      publishSoonest();
      return;
    }
    ExpiringNode<V> last = heap[size];
    long lastKey = keys[size];
    heap[size] = null;
    place(last, lastKey, index);
    siftDown(index);
    siftUp(last.heapIndex);
    publishSoonest();
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].heapIndex = -1;
      heap[i] = null;
    }
    size = 0;
    publishSoonest();
  }

  private void publishSoonest() {
    long soonest = size == 0 ? Node.NEVER : keys[0];
    if (soonest != soonestAt) {
      soonestAt = soonest;
    }
  }

  private void siftUp(int index) {
    ExpiringNode<V> node = heap[index];
    long key = keys[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (keys[parent] - key <= 0) {
        break;
      }
      place(heap[parent], keys[parent], index);
      index = parent;
    }
    place(node, key, index);
  }

  private void siftDown(int index) {
    ExpiringNode<V> node = heap[index];
    long key = keys[index];
    int half = size >>> 1; // slots from here on have no child
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && keys[right] - keys[child] < 0) {
        child = right;
      }
      if (key - keys[child] <= 0) {
        break;
      }
      place(heap[child], keys[child], index);
      index = child;
    }
    place(node, key, index);
  }

  private void place(ExpiringNode<V> node, long key, int index) {
    heap[index] = node;
    keys[index] = key;
    node.heapIndex = index;
  }
}
