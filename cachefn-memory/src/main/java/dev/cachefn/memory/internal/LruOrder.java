package dev.cachefn.memory.internal;

import org.jspecify.annotations.Nullable;

/**
 * Strict LRU: the nodes from least to most recently used, in a doubly linked list. Every replayed read
 * moves its node to the tail, and the head is the victim.
 */
final class LruOrder<V> implements EvictionOrder<V> {

  private @Nullable Node<V> head;
  private @Nullable Node<V> tail;

  @Override
  public @Nullable Node<V> victim() {
    return head;
  }

  @Override
  public void recordInsert(Node<V> node) {
    node.previous = tail;
    node.next = null;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
  }

  @Override
  public void recordReplace(Node<V> previous, Node<V> node) {
    remove(previous);
    recordInsert(node);
  }

  @Override
  public void recordAccess(Node<V> node) {
    if (node != tail) {
      remove(node);
      recordInsert(node);
    }
  }

  @Override
  public void remove(Node<V> node) {
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

  @Override
  public void clear() {
    head = null;
    tail = null;
  }
}
