package dev.cachefn.memory.internal;

import org.jspecify.annotations.Nullable;

/**
 * Strict LRU: the nodes from least to most recently used, in one {@link RecencyList}. Every replayed read
 * moves its node to the most recent end, and the least recent node is the victim.
 */
final class LruOrder<V> implements EvictionOrder<V> {

  private final RecencyList<V> list = new RecencyList<>();

  @Override
  public @Nullable Node<V> victim() {
    return list.head();
  }

  @Override
  public void recordInsert(Node<V> node) {
    list.addLast(node);
  }

  @Override
  public void recordReplace(Node<V> previous, Node<V> node) {
    list.unlink(previous);
    list.addLast(node);
  }

  @Override
  public void recordAccess(Node<V> node) {
    list.moveToLast(node);
  }

  @Override
  public void remove(Node<V> node) {
    list.unlink(node);
  }

  @Override
  public void clear() {
    list.clear();
  }
}
