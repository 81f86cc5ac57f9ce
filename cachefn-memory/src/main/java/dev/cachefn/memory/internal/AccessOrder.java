package dev.cachefn.memory.internal;

import org.jspecify.annotations.Nullable;

/** The nodes from least to most recently used: a doubly linked list, guarded by the engine's lock. */
final class AccessOrder<V> {

  private @Nullable Node<V> head;
  private @Nullable Node<V> tail;

  @Nullable Node<V> leastRecent() {
    return head;
  }

  void addMostRecent(Node<V> node) {
    node.previous = tail;
    node.next = null;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
  }

  void moveToMostRecent(Node<V> node) {
    if (node != tail) {
      remove(node);
      addMostRecent(node);
    }
  }

  void remove(Node<V> node) {
    Node<V> previous = node.previous;
    Node<V> next = node.next;
    if (previous == null) {
      head = next;
    } else {
      previous.next = next;
    }
    if (next == null) {
      tail = previous;
    } else {
      next.previous = previous;
    }
    node.previous = null;
    node.next = null;
  }

  void clear() {
    head = null;
    tail = null;
  }
}
