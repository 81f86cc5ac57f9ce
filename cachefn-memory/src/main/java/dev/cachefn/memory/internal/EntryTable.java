package dev.cachefn.memory.internal;

import dev.cachefn.Ticker;
import dev.cachefn.spi.GlobPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one {@link MemoryEngine} and what indexes them: the key table, the {@link EvictionOrder},
 * the {@link ExpiryQueue}, the {@link TagIndex}, and the live count and bytes, kept in step. Every method that
 * changes them runs under the engine's lock; scans, {@link #size} and {@link #bytes} read without it, and so
 * do the engine's lookups, which read the key table directly. Removed entries are reported to a {@link Removals}, which the engine notifies after the lock
 * is released.
 */
final class EntryTable<V> {

  private final long maxSize;
  private final Ticker ticker;
  /** Whether every key is a {@code String}, so that a literal pattern is one lookup. */
  private final boolean textKeys;
  private final ConcurrentHashMap<Object, Node<V>> table;
  private final EvictionOrder<V> order;
  private final ExpiryQueue<V> expiries = new ExpiryQueue<>();
  private final TagIndex<V> tags = new TagIndex<>();

  // written under the lock, read without it
  private volatile long count;
  private volatile long bytes;

  /**
   * {@code table} is the engine's key table, empty: the engine looks keys up in it directly (one dependent
   * load fewer on every read than going through this object); only this object changes it.
   */
  EntryTable(ConcurrentHashMap<Object, Node<V>> table, long maxSize, Ticker ticker, EvictionOrder<V> order,
      boolean textKeys) {
    this.table = table;
    this.maxSize = maxSize;
    this.ticker = ticker;
    this.order = order;
    this.textKeys = textKeys;
  }

  /** An empty key table sized for {@code maxSize} entries. */
  static <V> ConcurrentHashMap<Object, Node<V>> newTable(long maxSize) {
    return new ConcurrentHashMap<>(maxSize == Long.MAX_VALUE ? 16 : (int) Math.min(maxSize, 1 << 16));
  }

  /** The entries, weakly consistent (see {@link ConcurrentHashMap#values()}), expired ones included. */
  Iterator<Node<V>> nodes() {
    return table.values().iterator();
  }

  long size() {
    return count;
  }

  int tagCount() {
    return tags.tagCount();
  }

  /** The estimated bytes of the live entries: see {@link MemoryEngine#estimatedBytes()}. */
  long bytes() {
    return bytes;
  }

  /**
   * Whether some entry's time is up (read without the lock: a hint). The ticker is read only when some
   * entry expires at all: reading it costs more than the rest of an in-place write.
   */
  boolean hasDue() {
    long due = expiries.soonestDeadline();
    return due != Node.NEVER && ticker.read() - due >= 0;
  }

  Node<V> newNode(Object key, V value, @Nullable Duration ttl, Set<String> entryTags) {
    long expiresAt = ttl == null ? Node.NEVER : ticker.read() + saturatedNanos(ttl);
    String[] tagArray = entryTags.isEmpty() ? Node.NO_TAGS : entryTags.toArray(new String[0]);
    return Node.create(key, value, expiresAt, tagArray,
        SizeEstimator.entry(key, value, ttl != null, tagArray.length));
  }

  private static long saturatedNanos(Duration ttl) {
    try {
      return Math.min(ttl.toNanos(), Long.MAX_VALUE / 4);
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 4;
    }
  }

  // ---- scans, without the lock ---------------------------------------------------------------------------

  List<String> keys(GlobPattern pattern) {
    long now = ticker.read();
    List<String> keys = new ArrayList<>();
    String literal = literalOf(pattern);
    if (literal != null) {
      Node<V> node = table.get(literal);
      if (node != null && !node.isExpiredAt(now)) {
        keys.add(literal);
      }
      return keys;
    }
    for (Node<V> node : table.values()) {
      if (!node.isExpiredAt(now)) {
        String text = text(node.key);
        if (pattern.matches(text)) {
          keys.add(text);
        }
      }
    }
    return keys;
  }

  Map<String, V> entries(GlobPattern pattern, int limit) {
    long now = ticker.read();
    Map<String, V> entries = new LinkedHashMap<>();
    for (Node<V> node : table.values()) {
      if (entries.size() >= limit) {
        break;
      }
      if (!node.isExpiredAt(now)) {
        String text = text(node.key);
        if (pattern.matches(text)) {
          entries.put(text, node.value);
        }
      }
    }
    return entries;
  }

  /** The key {@code pattern} matches alone, when keys are text and it has no wildcard; else {@code null}. */
  @Nullable String literalOf(GlobPattern pattern) {
    return textKeys ? pattern.literal() : null;
  }

  /** The text patterns match: the key itself for a storage, its {@code toString()} otherwise. */
  static String text(Object key) {
    return key instanceof String string ? string : String.valueOf(key);
  }

  // ---- changes, under the engine's lock --------------------------------------------------------------------

  /** Adds {@code node}, replacing the node of the same key if there is one. */
  void insert(Node<V> node) {
    Node<V> replaced = table.put(node.key, node);
    long addedBytes = node.weight();
    if (replaced == null) {
      order.recordInsert(node);
      if (node instanceof ExpiringNode<V> expiring) {
        expiries.add(expiring);
      }
      count = count + 1;
    } else {
      expiries.replace(replaced, node); // first: O(1) when both expire, the new one no sooner
      detach(replaced);
      order.recordReplace(replaced, node);
      addedBytes -= replaced.weight();
    }
    if (node.isTagged()) {
      tags.add(node);
    }
    if (addedBytes != 0) {
      bytes += addedBytes; // a rewrite of the same size writes no shared counter
    }
  }

  /** A read replayed into the order; a node removed since it was read is skipped. */
  void recordAccess(Node<V> node) {
    if (!node.isRetired()) {
      order.recordAccess(node);
    }
  }

  /** Removes the entries of {@code keys}; returns the keys that were live. */
  List<String> removeKeys(Collection<String> keys, Removals<V> removals) {
    List<String> removed = new ArrayList<>();
    for (String key : keys) {
      if (remove(table.get(key), removals)) {
        removed.add(key);
      }
    }
    return removed;
  }

  /** Removes the entries carrying any of {@code tagsToRemove}; returns how many were live. */
  int removeTagged(Collection<String> tagsToRemove, Removals<V> removals) {
    int removed = 0;
    for (Node<V> node : tags.nodesTagged(tagsToRemove)) {
      removed += remove(node, removals) ? 1 : 0;
    }
    return removed;
  }

  /** Removes the entries whose key {@code pattern} matches; returns how many were live. */
  int removeMatching(GlobPattern pattern, Removals<V> removals) {
    int removed = 0;
    for (Node<V> node : table.values()) {
      if (pattern.matches(text(node.key))) {
        removed += remove(node, removals) ? 1 : 0;
      }
    }
    return removed;
  }

  /** Removes {@code node} if it is still in the table; true if it was live (an expired one is reported). */
  boolean remove(@Nullable Node<V> node, Removals<V> removals) {
    if (node == null || !table.remove(node.key, node)) {
      return false;
    }
    unlink(node);
    if (node.expires() && node.isExpiredAt(ticker.read())) {
      removals.expired(node);
      return false;
    }
    return true;
  }

  /** Removes {@code node}, whose time is up, if it is still in the table, and reports it as expired. */
  void expire(Node<V> node, Removals<V> removals) {
    if (table.remove(node.key, node)) {
      unlink(node);
      removals.expired(node);
    }
  }

  /** Removes the entries whose time is up. */
  void removeDue(Removals<V> removals) {
    if (expiries.isEmpty()) {
      return;
    }
    long now = ticker.read();
    for (ExpiringNode<V> due = expiries.due(now); due != null; due = expiries.due(now)) {
      table.remove(due.key, due);
      unlink(due);
      removals.expired(due);
    }
  }

  /** Evicts the order's victims while over {@code maxSize}. */
  void evictOverflow(Removals<V> removals) {
    while (count > maxSize) {
      Node<V> eldest = order.victim();
      if (eldest == null) {
        return;
      }
      table.remove(eldest.key, eldest);
      unlink(eldest);
      removals.evicted(eldest);
    }
  }

  /** Removes every entry; returns how many were live (the expired ones are reported). */
  int clear(Removals<V> removals) {
    int removed = 0;
    long now = ticker.read();
    for (Node<V> node : table.values()) {
      node.retire();
      if (node.isExpiredAt(now)) {
        removals.expired(node);
      } else {
        removed++;
      }
    }
    table.clear();
    order.clear();
    expiries.clear();
    tags.clear();
    count = 0;
    bytes = 0;
    return removed;
  }

  /** Takes {@code node} out of the order, the expiry queue, the tag index and the counts. */
  private void unlink(Node<V> node) {
    order.remove(node);
    detach(node);
    count--;
    bytes -= node.weight();
  }

  /** Retires {@code node} and takes it out of the expiry queue and the tag index. */
  private void detach(Node<V> node) {
    node.retire();
    if (node instanceof ExpiringNode<V> expiring) {
      expiries.remove(expiring);
    }
    if (node.isTagged()) {
      tags.remove(node);
    }
  }
}
