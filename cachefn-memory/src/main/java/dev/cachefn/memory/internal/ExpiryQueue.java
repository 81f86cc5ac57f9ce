package dev.cachefn.memory.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The nodes that expire, soonest first: a binary min-heap on {@link ExpiringNode#expiresAt} whose nodes know their
 * index, so that removing any node costs O(log n). Guarded by the engine's lock.
 */
final class ExpiryQueue<V> {

  @SuppressWarnings("unchecked")
  private ExpiringNode<V>[] heap = new ExpiringNode[16];
  private int size;
  /** The soonest deadline, or {@link Node#NEVER}: readable without the lock. */
  private volatile long soonestAt = Node.NEVER;

  boolean isEmpty() {
    return size == 0;
  }

  /** The soonest deadline ({@link Node#NEVER} when empty); may be read without the engine's lock. */
  long soonestDeadline() {
    return soonestAt;
  }

  @Nullable ExpiringNode<V> soonest() {
    return size == 0 ? null : heap[0];
  }

  void add(ExpiringNode<V> node) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    place(node, size);
    size++;
    siftUp(node.heapIndex);
    publishSoonest();
  }

  private void publishSoonest() {
    long soonest = size == 0 ? Node.NEVER : heap[0].expiresAt;
    if (soonest != soonestAt) {
      soonestAt = soonest;
    }
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
    heap[size] = null;
    place(last, index);
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

  private void siftUp(int index) {
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (heap[parent].expiresAt - heap[index].expiresAt <= 0) {
        return;
      }
      swap(parent, index);
      index = parent;
    }
  }

  private void siftDown(int index) {
    while (true) {
      int smallest = index;
      int left = 2 * index + 1;
      int right = left + 1;
      if (left < size && heap[left].expiresAt - heap[smallest].expiresAt < 0) {
        smallest = left;
      }
      if (right < size && heap[right].expiresAt - heap[smallest].expiresAt < 0) {
        smallest = right;
      }
      if (smallest == index) {
        return;
      }
      swap(index, smallest);
      index = smallest;
    }
  }

  private void swap(int a, int b) {
    ExpiringNode<V> first = heap[a];
    place(heap[b], a);
    place(first, b);
  }

  private void place(ExpiringNode<V> node, int index) {
    heap[index] = node;
    node.heapIndex = index;
  }
}
