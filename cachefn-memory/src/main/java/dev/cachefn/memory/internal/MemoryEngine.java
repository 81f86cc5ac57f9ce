package dev.cachefn.memory.internal;

import dev.cachefn.Ticker;
import dev.cachefn.spi.GlobPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one namespace: a bounded, TTL- and tag-aware table, evicting by its {@link EvictionOrder}
 * (LRU, or the adaptive policy), whose entries and indexes are held by an {@link EntryTable}.
 *
 * <p><b>Reads</b> take no lock: a {@code ConcurrentHashMap} lookup, an expiry check (only for entries that
 * have a TTL, so the ticker is not read otherwise) and a slot in the reading thread's own stripe of the
 * {@link ReadBuffer}, replayed into the {@link EvictionOrder} by whoever next holds the lock. A single
 * thread has every read replayed, in order (exact LRU); concurrent readers have one read in 32 replayed
 * (see {@link ReadBuffer}), so the shared order is touched rarely and reads scale; reads the order would
 * ignore (see {@link EvictionOrder#ignoresQuietReads}) are not buffered at all. The lookups of one view
 * (the first cache of the namespace that records stats) are counted in that same stripe, so that counting a
 * hit costs no search for a counter of its own ({@link LookupCounts}). <b>Writes</b> that only
 * change the value of a present entry without TTL or tags swap it in place, lock-free, and count as an
 * access. Every other write takes the lock, first replays the buffered reads and removes due entries, then
 * changes the {@link EntryTable} (table, order, expiry queue and tag index together) and evicts while over
 * {@code maxSize}. Removal notifications go out after the lock is released.
 */
final class MemoryEngine<V> {

  private final String namespace;
  private final long maxSize;
  private final Ticker ticker;
  /** The key table, read here without the lock; changed only through {@link #entries}, under the lock. */
  private final ConcurrentHashMap<Object, Node<V>> table;
  private final EntryTable<V> entries;
  /**
   * Whether there is a bound to keep: an unbounded engine never evicts, so neither an uncounted read nor
   * an in-place write records an access (its order is kept by the other writes alone).
   */
  private final boolean bounded;
  private final ReadBuffer<Node<V>> reads = new ReadBuffer<>();
  private final ReentrantLock lock = new ReentrantLock();
  /** The table's read replay as the buffer's drain action, made once: a method reference per drain would allocate. */
  private final Consumer<Node<V>> replayRead;
  /** Whether reads of {@linkplain Node#isQuiet() quiet} nodes are left out of the buffer: see {@link #read}. */
  private final boolean quietReadsIgnored;
  private final List<EngineListener<? super V>> listeners = new CopyOnWriteArrayList<>();
  private final LookupCounts counts = new LookupCounts(reads);

  MemoryEngine(String namespace, long maxSize, Ticker ticker, EvictionOrder<V> order) {
    this(namespace, maxSize, ticker, order, true);
  }

  /** {@code textKeys}: whether every key is a {@code String} (a storage), or keys may be any object. */
  MemoryEngine(String namespace, long maxSize, Ticker ticker, EvictionOrder<V> order, boolean textKeys) {
    this.bounded = maxSize != Long.MAX_VALUE;
    this.quietReadsIgnored = order.ignoresQuietReads();
    this.namespace = namespace;
    this.maxSize = maxSize;
    this.ticker = ticker;
    this.table = EntryTable.newTable(maxSize);
    this.entries = new EntryTable<>(table, maxSize, ticker, order, textKeys);
    this.replayRead = entries::recordAccess;
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
   * stripe the read is recorded in anyway), a miss there too: see {@link LookupCounts}.
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

  /**
   * Hands a read that is no lookup (an in-place write) to the buffer, as {@link #get} does, unless the order
   * would ignore it (a quiet node).
   */
  private void recordRead(Node<V> node) {
    if (bounded && !(quietReadsIgnored && node.isQuiet()) && !reads.offer(node)) {
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
      if (entries.hasDue()) {
        removals = new Removals<>();
        entries.removeDue(removals);
      }
      entries.recordAccess(node);
    } finally {
      lock.unlock();
    }
    if (removals != null) {
      removals.notify(listeners);
    }
  }

  /** The lookups {@link #getCounted} counts, for the one view that claims them. */
  LookupCounts counts() {
    return counts;
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
    return entries.keys(pattern);
  }

  Map<String, V> entries(GlobPattern pattern, int limit) {
    return entries.entries(pattern, limit);
  }

  long size() {
    return entries.size();
  }

  /** How many distinct tags the live entries carry (for tests: the tag index forgets unused tags). */
  int tagCount() {
    return entries.tagCount();
  }

  /**
   * The estimated bytes of the live entries (each entry's nodes, key, value and tags): 0 when empty. The
   * table's array, sized up front from {@code maxSize}, is not counted: it is the cache's reserve, not what
   * its entries take, and counting it made a cache of one entry read more than one of ninety.
   */
  long estimatedBytes() {
    return entries.bytes();
  }

  // ---- writes, under the lock -------------------------------------------------------------------------

  void put(Object key, V value, @Nullable Duration ttl, Set<String> entryTags) {
    if (ttl == null && entryTags.isEmpty() && updateInPlace(key, value)) {
      return;
    }
    Node<V> node = entries.newNode(key, value, ttl, entryTags);
    Removals<V> removals = new Removals<>();
    lock.lock();
    try {
      maintain(removals);
      entries.insert(node);
      entries.evictOverflow(removals);
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
    if (entries.hasDue()) {
      return false; // entries are due: the locked write removes them, as every write does
    }
    node.setValue(value);
    recordRead(node);
    return true;
  }

  boolean putIfAbsent(Object key, V value, @Nullable Duration ttl, Set<String> entryTags) {
    return storeIf(entries.newNode(key, value, ttl, entryTags), (present, removals) -> {
      if (present != null && present.isExpiredAt(ticker.read())) {
        removals.expired(present);
        return true;
      }
      return present == null;
    });
  }

  void putAll(Map<String, ? extends V> values, @Nullable Duration ttl, Set<String> entryTags) {
    List<Node<V>> nodes = new ArrayList<>(values.size());
    values.forEach((key, value) -> nodes.add(entries.newNode(key, value, ttl, entryTags)));
    Removals<V> removals = new Removals<>();
    lock.lock();
    try {
      maintain(removals);
      nodes.forEach(entries::insert);
      entries.evictOverflow(removals);
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
  }

  boolean remove(Object key) {
    return removing(removals -> entries.remove(table.get(key), removals));
  }

  List<String> removeAll(Collection<String> keys) {
    return removing(removals -> entries.removeKeys(keys, removals));
  }

  int removeByTags(Collection<String> tagsToRemove) {
    return removing(removals -> entries.removeTagged(tagsToRemove, removals));
  }

  int removeByPattern(GlobPattern pattern) {
    String literal = entries.literalOf(pattern);
    if (literal != null) {
      return remove(literal) ? 1 : 0;
    }
    return removing(removals -> entries.removeMatching(pattern, removals));
  }

  /**
   * Removes the entry of {@code key} if its value is {@code expected} (the same object); true if it did.
   * An expired entry is removed too and reported as expired.
   */
  boolean removeIf(Object key, V expected) {
    return removing(removals -> {
      Node<V> node = table.get(key);
      return node != null && node.value == expected && entries.remove(node, removals);
    });
  }

  /**
   * Swaps in a new node for {@code key} if its value is {@code expected} (the same object), in one step under
   * the lock: the key never reads as absent, and the eviction order sees an overwrite (the adaptive policy keeps
   * the entry's segment) rather than a new entry. An expired entry is removed and reported instead; true if it replaced.
   */
  boolean replaceIf(Object key, V expected, V value, @Nullable Duration ttl, Set<String> entryTags) {
    return storeIf(entries.newNode(key, value, ttl, entryTags), (present, removals) -> {
      if (present == null || present.value != expected) {
        return false;
      }
      if (present.expires() && present.isExpiredAt(ticker.read())) {
        entries.remove(present, removals); // reported as expired; nothing replaced
        return false;
      }
      return true;
    });
  }

  /**
   * Under the lock, stores {@code node} if {@code condition} accepts the key's present node (null when absent;
   * it may report what it removes); then tells the listeners what was removed. True if it stored.
   */
  private boolean storeIf(Node<V> node, BiPredicate<@Nullable Node<V>, Removals<V>> condition) {
    Removals<V> removals = new Removals<>();
    boolean stored = false;
    lock.lock();
    try {
      maintain(removals);
      if (condition.test(table.get(node.key), removals)) {
        entries.insert(node);
        entries.evictOverflow(removals);
        stored = true;
      }
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return stored;
  }

  /** The entries, weakly consistent (see {@code ConcurrentHashMap.values()}), expired ones included. */
  Iterator<Node<V>> nodes() {
    return entries.nodes();
  }

  int clear() {
    return removing(removals -> {
      reads.discard();
      return entries.clear(removals);
    });
  }

  private void expire(Node<V> node) {
    removing(removals -> {
      entries.expire(node, removals);
      return null;
    });
  }

  /**
   * Runs {@code change} under the lock, then, with the lock released, tells the listeners what it removed.
   * For the changes that remove only: they neither replay buffered reads nor remove due entries.
   */
  private <R> R removing(Function<Removals<V>, R> change) {
    Removals<V> removals = new Removals<>();
    R result;
    lock.lock();
    try {
      result = change.apply(removals);
    } finally {
      lock.unlock();
    }
    removals.notify(listeners);
    return result;
  }

  /** Replays buffered reads, then removes the entries whose time is up. Caller holds the lock. */
  private void maintain(Removals<V> removals) {
    reads.drainTo(replayRead);
    entries.removeDue(removals);
  }
}
