package dev.cachefn.memory.internal;

import org.jspecify.annotations.Nullable;

/**
 * Nodes from least to most recently used, linked through {@link Node#previous} and {@link Node#next}; a node
 * is in at most one list at a time. Not thread-safe: used under the engine's lock.
 */
final class RecencyList<V> {

  private @Nullable Node<V> head;
  private @Nullable Node<V> tail;
  private int size;

  /** The least recently used node, or {@code null} if empty. */
  @Nullable Node<V> head() {
    return head;
  }

  int size() {
    return size;
  }

  /** Appends {@code node} as the most recently used. */
  void addLast(Node<V> node) {
    node.previous = tail;
    node.next = null;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
    size++;
  }

  /**
   * Moves {@code node}, which is in this list, to the most recently used end. The read replay's one step:
   * only the links that change are written (each reference store costs a GC write barrier), so the node's
   * own links are not cleared first as {@link #unlink} clears them.
   */
  void moveToLast(Node<V> node) {
    Node<V> last = tail;
    if (node == last) {
      return;
    }
    join(node.previous, node.next);
    node.previous = last;
    node.next = null;
    last.next = node;
    tail = node;
  }

  /** Puts {@code replacement} where {@code node}, which is in this list, was. */
  void replace(Node<V> node, Node<V> replacement) {
    join(node.previous, replacement);
    join(replacement, node.next);
    node.previous = null;
    node.next = null;
  }

  /** Takes {@code node}, which is in this list, out of it. */
  void unlink(Node<V> node) {
    join(node.previous, node.next); // the node's own links are left for the lines below
    node.previous = null;
    node.next = null;
    size--;
  }

  /** Makes {@code first} and {@code second} neighbours; a {@code null} side stands for the list's end. */
  private void join(@Nullable Node<V> first, @Nullable Node<V> second) {
    if (first == null) {
      head = second;
    } else {
      first.next = second;
    }
    if (second == null) {
      tail = first;
    } else {
      second.previous = first;
    }
  }

  void clear() {
    head = null;
    tail = null;
    size = 0;
  }
}
