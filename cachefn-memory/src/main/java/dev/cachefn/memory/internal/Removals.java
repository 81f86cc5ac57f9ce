package dev.cachefn.memory.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Removals decided under the engine's lock, announced to the listeners after it is released. */
final class Removals<V> {
  private @Nullable List<Node<V>> evicted;
  private @Nullable List<Node<V>> expired;

  void evicted(Node<V> node) {
    if (evicted == null) {
      evicted = new ArrayList<>();
    }
    evicted.add(node);
  }

  void expired(Node<V> node) {
    if (expired == null) {
      expired = new ArrayList<>();
    }
    expired.add(node);
  }

  void notify(List<EngineListener<? super V>> listeners) {
    if (evicted == null && expired == null) {
      return;
    }
    for (EngineListener<? super V> listener : listeners) {
      if (evicted != null) {
        evicted.forEach(node -> listener.evicted(node.key, node.value));
      }
      if (expired != null) {
        expired.forEach(node -> listener.expired(node.key, node.value));
      }
    }
  }
}
