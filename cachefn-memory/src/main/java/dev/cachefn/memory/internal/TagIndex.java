package dev.cachefn.memory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes carry which tag, so that invalidating a tag costs O(nodes tagged). A node leaves every set
 * when it leaves the table, and an empty set is dropped, so the index never outgrows the live entries.
 * Guarded by the engine's lock.
 */
final class TagIndex<V> {

  private final Map<String, Set<Node<V>>> nodesByTag = new HashMap<>();

  void add(Node<V> node) {
    for (int i = 0, count = node.tagCount(); i < count; i++) {
      nodesByTag.computeIfAbsent(node.tag(i), t -> new HashSet<>()).add(node);
    }
  }

  void remove(Node<V> node) {
    for (int i = 0, count = node.tagCount(); i < count; i++) {
      String tag = node.tag(i);
      Set<Node<V>> nodes = nodesByTag.get(tag);
      if (nodes != null && nodes.remove(node) && nodes.isEmpty()) {
        nodesByTag.remove(tag);
      }
    }
  }

  /** The nodes carrying at least one of {@code tags}, each once. */
  List<Node<V>> nodesTagged(Collection<String> tags) {
    Set<Node<V>> found = new HashSet<>();
    for (String tag : tags) {
      Set<Node<V>> nodes = nodesByTag.get(tag);
      if (nodes != null) {
        found.addAll(nodes);
      }
    }
    return new ArrayList<>(found);
  }

  int tagCount() {
    return nodesByTag.size();
  }

  void clear() {
    nodesByTag.clear();
  }
}
