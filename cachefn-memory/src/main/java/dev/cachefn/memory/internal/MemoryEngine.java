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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one namespace: a bounded, LRU, TTL- and tag-aware table.
 *
 * <p><b>Reads</b> take no lock: a {@link ConcurrentHashMap} lookup, an expiry check (only for entries that
 * have a TTL, so the ticker is not read otherwise) and a slot in the reading thread's own stripe of the
 * {@link ReadBuffer}, replayed into the {@link EvictionOrder} by whoever next holds the lock. A single
 * thread has every read replayed, in order (exact LRU); concurrent readers have one read in 32 replayed
 * (see {@link ReadBuffer}), so the shared order is touched rarely and reads scale; reads the order would
 * ignore (see {@link EvictionOrder#ignoresQuietReads}) are not buffered at all. The lookups of one view
 * (the first cache of the namespace that records stats) are counted in that same stripe, so that counting a
 * hit costs no search for a counter of its own ({@link #getCounted}). <b>Writes</b> that only
 * change the value of a present entry without TTL or tags swap it in place, lock-free, and count as an
 * access. Every other write takes the lock, first replays the buffered reads, then changes the table, the
 * order, the {@link ExpiryQueue} and the {@link TagIndex} together, removes due entries, and evicts while
 * over {@code maxSize}. Removal notifications go out after the lock is released.
 */
final class MemoryEngine<V> {

  private final String namespace;
  private final long maxSize;
  private final Ticker ticker;
  private final ConcurrentHashMap<Object, Node<V>> table;
  /**
   * Whether there is a bound to keep: an unbounded engine never evicts, so neither an uncounted read nor
   * an in-place write records an access (its order is kept by the other writes alone).
   */
  private final boolean bounded;
  /** Whether every key is a {@code String}, so that a literal pattern is one lookup. */
  private final boolean textKeys;
  private final ReadBuffer<Node<V>> reads = new ReadBuffer<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final EvictionOrder<V> order;
  /** {@link #applyRead} as the buffer's drain action, made once: a method reference per drain would allocate. */
  private final Consumer<Node<V>> replayRead = this::applyRead;
  /** Whether reads of {@linkplain Node#isQuiet() quiet} nodes are left out of the buffer: see {@link #read}. */
  private final boolean quietReadsIgnored;
  private final ExpiryQueue<V> expiries = new ExpiryQueue<>();
  private final TagIndex<V> tags = new TagIndex<>();
  private final List<EngineListener<? super V>> listeners = new CopyOnWriteArrayList<>();
  /** The view whose lookups are counted here (see {@link #claimCounting}), or {@code null}. */
  private final AtomicReference<@Nullable Object> countingView = new AtomicReference<>();

  // written under the lock, read without it
  private volatile long count;
  private volatile long bytes;

  MemoryEngine(String namespace, long maxSize, Ticker ticker, EvictionOrder<V> order) {
    this(namespace, maxSize, ticker, order, true);
  }

  /** {@code textKeys}: whether every key is a {@code String} (a storage), or keys may be any object. */
  MemoryEngine(String namespace, long maxSize, Ticker ticker, EvictionOrder<V> order, boolean textKeys) {
    this.textKeys = textKeys;
    this.bounded = maxSize != Long.MAX_VALUE;
    this.order = order;
    this.quietReadsIgnored = order.ignoresQuietReads();
    this.namespace = namespace;
    this.maxSize = maxSize;
    this.ticker = ticker;
    this.table = new ConcurrentHashMap<>(maxSize == Long.MAX_VALUE ? 16 : (int) Math.min(maxSize, 1 << 16));
  }

  String namespace() {
    return namespace;
  }

  long maxSize() {
    return maxSize;
  }

  void addListener(EngineListener<? super V> listener) {
    listeners.add(listener);
  }

  void removeListener(EngineListener<? super V> listener) {
    listeners.remove(listener);
  }

  // ---- lock-free reads --------------------------------------------------------------------------------

  @Nullable V get(Object key) {
    return read(key, false);
  }

  /**
   * Like {@link #get}, and counts the lookup, a hit in the reading thread's stripe of the read buffer (the
   * stripe the read is recorded in anyway), a miss there too: see {@link #countedHits()}.
   */
  @Nullable V getCounted(Object key) {
    return read(key, true);
  }

  /**
   * Inlined into {@link #get} and {@link #getCounted} with {@code counted} a constant; the rare paths (a
   * miss, an expired entry, a full stripe) are calls, so that the hit path stays small enough to inline. A
   * read of a {@linkplain Node#isQuiet() quiet} node, which the order would ignore, is not buffered at all.
   */
  private @Nullable V read(Object key, boolean counted) {
    Node<V> node = table.get(key);
    if (node == null || (node.expires() && node.isExpiredAt(ticker.read()))) {
      return missed(node, counted);
    }
    if (quietReadsIgnored && node.isQuiet()) {
      if (counted) {
        reads.countHit(); // the order would ignore the read: only the lookup is counted
      }
    } else if (counted) {
      if (!reads.offerHit(node)) {
        applyReadOrDrop(node);
      }
    } else if (bounded && !reads.offer(node)) {
      applyReadOrDrop(node);
    }
    return node.value;
  }

  /** A lookup that found nothing live: removes the expired {@code node}, if any, and counts the miss. */
  private @Nullable V missed(@Nullable Node<V> node, boolean counted) {
    if (node != null) {
      expire(node);
    }
    if (counted) {
      reads.count(0, 1);
    }
    return null;
  }

  /** Hands a read that is no lookup (an in-place write) to the buffer, as {@link #get} does. */
  private void recordRead(Node<V> node) {
    if (bounded && !reads.offer(node)) {
      applyReadOrDrop(node);
    }
  }

  /**
   * The read's stripe is full (or the thread has none): drains the buffer and applies the read itself, if
   * the lock is free. A taken lock means other threads are at work: the read is dropped and the buffer
   * starts sampling. Kept out of the read path so that the path stays small enough to be inlined.
   */
  private void applyReadOrDrop(Node<V> node) {
    if (!lock.tryLock()) {
      reads.contended();
      return;
    }
    // no allocation unless something expires: this runs once per 64 reads of a thread
    Removals<V> removals = null;
    try {
      reads.drainTo(replayRead);
      if (!expiries.isEmpty()) {
        removals = new Removals<>();
        removeDue(removals);
      }
      applyRead(node);
    } finally {
      lock.unlock();
    }
    if (removals != null) {
      removals.notify(listeners);
    }
  }

  /**
   * Makes {@code view} the one whose lookups {@link #getCounted} counts, if no other view is; the caller
   * then reads the counts relative to their values now. Lookups of a view that is closing may still land
   * after it has released the counts to a next view: only those racing with the close.
   */
  boolean claimCounting(Object view) {
    return countingView.compareAndSet(null, view);
  }

  void releaseCounting(Object view) {
    countingView.compareAndSet(view, null);
  }

  /** Counts lookups made through {@link #get} and judged by the counting view itself (a batch read). */
  void countLookups(long hits, long misses) {
    reads.count(hits, misses);
  }

  long countedHits() {
    return reads.hits();
  }

  long countedMisses() {
    return reads.misses();
  }

  /** The live value of {@code key} without recording a use (no read is buffered), or {@code null}. */
  @Nullable V peek(Object key) {
    Node<V> node = table.get(key);
    return node == null || (node.expires() && node.isExpiredAt(ticker.read())) ? null : node.value;
  }

  boolean contains(Object key) {
    Node<V> node = table.get(key);
    return node != null && !(node.expires() && node.isExpiredAt(ticker.read()));
  }

  List<String> keys(GlobPattern pattern) {
    long now = ticker.read();
    List<String> keys = new ArrayList<>();
    String literal = textKeys ? pattern.literal() : null;
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

  long size() {
    return count;
  }

  /**
   * The estimated bytes of the live entries (each entry's nodes, key, value and tags): 0 when empty. The
   * table's array, sized up front from {@code maxSize}, is not counted: it is the cache's reserve, not what
   * its entries take, and counting it made a cache of one entry read more than one of ninety.
   */
  long estimatedBytes() {
    return bytes;
  }

  // ---- writes, under the lock -------------------------------------------------------------------------

  void put(Object key, V value, @Nullable Duration ttl, Set<String> entryTags) {
    if (ttl == null && entryTags.isEmpty() && updateInPlace(key, value)) {
      return;
    }
    Node<V> node = newNode(key, value, ttl, entryTags);
    Removals<V> removals = new Removals<>();
    lock.lock();
    try {
      maintain(removals);
      insert(node);
      evictOverflow(removals);
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
  }

  /**
   * The write of a present key that changes only the value (no TTL and no tags before or after, same
   * estimated size): the value is swapped in the live node without the lock, and the write is recorded as
   * an access, like a read. This is what keeps concurrent writes of present keys from queueing on the
   * lock. When some entry is due, the write takes the lock instead, so that writes still remove expired
   * entries as they always do. A write that races with a removal of the node is ordered before it (it read the node while it was
   * in the table), so its value disappears with the node, as if the removal came just after.
   */
  private boolean updateInPlace(Object key, V value) {
    Node<V> node = table.get(key);
    if (node == null || node.expires() || node.isTagged()
        || node.weight() != Node.recordedWeight(SizeEstimator.entry(key, value, false, 0))) {
      return false;
    }
    long due = expiries.soonestDeadline();
    if (due != Node.NEVER && ticker.read() - due >= 0) {
      return false; // entries are due: the locked write removes them, as every write does
    }
    node.setValue(value);
    recordRead(node);
    return true;
  }

  boolean putIfAbsent(Object key, V value, @Nullable Duration ttl, Set<String> entryTags) {
    Node<V> node = newNode(key, value, ttl, entryTags);
    Removals<V> removals = new Removals<>();
    boolean stored = false;
    lock.lock();
    try {
      maintain(removals);
      Node<V> present = table.get(key);
      if (present == null || present.isExpiredAt(ticker.read())) {
        if (present != null) {
          removals.expired(present);
        }
        insert(node);
        evictOverflow(removals);
        stored = true;
      }
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return stored;
  }

  void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> entryTags) {
    List<Node<V>> nodes = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> nodes.add(newNode(key, value, ttl, entryTags)));
    Removals<V> removals = new Removals<>();
    lock.lock();
    try {
      maintain(removals);
      nodes.forEach(this::insert);
      evictOverflow(removals);
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
  }

  private Node<V> newNode(Object key, V value, @Nullable Duration ttl, Set<String> entryTags) {
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

  private void insert(Node<V> node) {
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

  boolean remove(Object key) {
    Removals<V> removals = new Removals<>();
    boolean removedLive;
    lock.lock();
    try {
      removedLive = removeNode(table.get(key), removals);
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return removedLive;
  }

  List<String> removeAll(Collection<String> keys) {
    List<String> removed = new ArrayList<>();
    Removals<V> removals = new Removals<>();
    lock.lock();
    try {
      for (String key : keys) {
        if (removeNode(table.get(key), removals)) {
          removed.add(key);
        }
      }
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return removed;
  }

  int removeByTags(Collection<String> tagsToRemove) {
    Removals<V> removals = new Removals<>();
    int removed = 0;
    lock.lock();
    try {
      for (Node<V> node : tags.nodesTagged(tagsToRemove)) {
        removed += removeNode(node, removals) ? 1 : 0;
      }
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return removed;
  }

  int removeByPattern(GlobPattern pattern) {
    String literal = textKeys ? pattern.literal() : null;
    if (literal != null) {
      return remove(literal) ? 1 : 0;
    }
    Removals<V> removals = new Removals<>();
    int removed = 0;
    lock.lock();
    try {
      for (Node<V> node : table.values()) {
        if (pattern.matches(text(node.key))) {
          removed += removeNode(node, removals) ? 1 : 0;
        }
      }
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return removed;
  }

  /**
   * Removes the entry of {@code key} if its value is {@code expected} (the same object); true if it did.
   * An expired entry is removed too and reported as expired.
   */
  boolean removeIf(Object key, V expected) {
    Removals<V> removals = new Removals<>();
    boolean removedLive;
    lock.lock();
    try {
      Node<V> node = table.get(key);
      removedLive = node != null && node.value == expected && removeNode(node, removals);
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return removedLive;
  }

  /** The entries, weakly consistent (see {@link ConcurrentHashMap#values()}), expired ones included. */
  Iterator<Node<V>> nodes() {
    return table.values().iterator();
  }

  /** The text patterns match: the key itself for a storage, its {@code toString()} otherwise. */
  private static String text(Object key) {
    return key instanceof String string ? string : String.valueOf(key);
  }

  int clear() {
    Removals<V> removals = new Removals<>();
    int removed = 0;
    lock.lock();
    try {
      reads.discard();
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
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return removed;
  }

  /** Removes {@code node} if it is still in the table; true if it was live (an expired one is reported). */
  private boolean removeNode(@Nullable Node<V> node, Removals<V> removals) {
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

  private void expire(Node<V> node) {
    Removals<V> removals = new Removals<>();
    lock.lock();
    try {
      if (table.remove(node.key, node)) {
        unlink(node);
        removals.expired(node);
      }
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
  }

  /** Takes {@code node} out of the order, the expiry queue, the tag index and the counts. */
  private void unlink(Node<V> node) {
    order.remove(node);
    forget(node);
  }

  /** Takes {@code node} out of the expiry queue, the tag index and the counts (not out of the order). */
  private void forget(Node<V> node) {
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

  /** Replays buffered reads, then removes the entries whose time is up. Caller holds the lock. */
  private void maintain(Removals<V> removals) {
    reads.drainTo(replayRead);
    if (!expiries.isEmpty()) {
      removeDue(removals);
    }
  }

  /** Removes the entries whose time is up. Caller holds the lock. */
  private void removeDue(Removals<V> removals) {
    long now = ticker.read();
    for (ExpiringNode<V> due = expiries.due(now); due != null; due = expiries.due(now)) {
      table.remove(due.key, due);
      unlink(due);
      removals.expired(due);
    }
  }

  private void applyRead(Node<V> node) {
    if (!node.isRetired()) {
      order.recordAccess(node);
    }
  }

  private void evictOverflow(Removals<V> removals) {
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
}
