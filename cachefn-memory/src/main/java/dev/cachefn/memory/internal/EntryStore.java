package dev.cachefn.memory.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import dev.cachefn.spi.GlobPattern;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The memory engine for keys of any type, compared with {@code equals}/{@code hashCode}: what cachefn-jcache
 * keeps a JCache cache's entries in, so that they are bounded, ordered and tagged by the same code as a
 * CacheFn cache's. Not public API: it is exported to {@code dev.cachefn.jcache} only.
 *
 * <p>Entries have no TTL here: the caller keeps its own expiry in its values and removes what it finds
 * expired ({@link #removeIf}). Patterns match a key's {@code toString()}. Reads take no lock; writes take
 * the engine's lock briefly and never run caller code under it, except {@code onEviction}, which runs after
 * the lock is released. Thread-safe.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class EntryStore<K, V> {

  private final MemoryEngine<V> engine;

  private EntryStore(MemoryEngine<V> engine) {
    this.engine = engine;
  }

  /**
   * A new, empty store of at most {@code maxSize} entries ({@link Long#MAX_VALUE}: unbounded); {@code
   * onEviction} is told about every entry evicted to stay within it.
   */
  @SuppressWarnings("unchecked")
  public static <K, V> EntryStore<K, V> create(String name, long maxSize, EvictionPolicy policy, Ticker ticker,
      BiConsumer<? super K, ? super V> onEviction) {
    Objects.requireNonNull(onEviction, "onEviction");
    MemoryEngine<V> engine = new MemoryEngine<>(name, maxSize, ticker, EvictionOrder.of(policy, maxSize), false);
    engine.addListener(new EngineListener<V>() {
      @Override
      public void evicted(Object key, V value) {
        onEviction.accept((K) key, value);
      }

      @Override
      public void expired(Object key, V value) {
        // entries here have no TTL
      }
    });
    return new EntryStore<>(engine);
  }

  /** The value of {@code key}, recorded as a use of the entry, or {@code null}. */
  public @Nullable V get(Object key) {
    return engine.get(key);
  }

  /** The value of {@code key}, not recorded as a use, or {@code null}. */
  public @Nullable V peek(Object key) {
    return engine.peek(key);
  }

  /** Whether {@code key} has an entry; not recorded as a use. */
  public boolean contains(Object key) {
    return engine.contains(key);
  }

  /** Stores {@code value} under {@code key} with {@code tags}, replacing its entry if any; may evict others. */
  public void put(K key, V value, Set<String> tags) {
    engine.put(key, value, null, tags);
  }

  /** Removes the entry of {@code key}; true if there was one. */
  public boolean remove(Object key) {
    return engine.remove(key);
  }

  /**
   * Removes the entry of {@code key} only if its value is {@code expected} (the same object). A {@link #put}
   * that only changes the value swaps it in place without the engine's lock, so a caller must not run the
   * two at once for one key (cachefn-jcache holds the key's own lock around both).
   */
  public boolean removeIf(Object key, V expected) {
    return engine.removeIf(key, expected);
  }

  /** Removes the entries of these keys; returns those that had one. */
  public List<String> removeAll(Collection<String> keys) {
    return engine.removeAll(keys);
  }

  /** Removes every entry carrying at least one of {@code tags}; returns the count. */
  public int removeByTags(Collection<String> tags) {
    return engine.removeByTags(tags);
  }

  /** Removes every entry whose key's text matches {@code pattern}; returns the count. */
  public int removeByPattern(GlobPattern pattern) {
    return engine.removeByPattern(pattern);
  }

  /** Removes every entry without telling anyone; returns the count. */
  public int clear() {
    return engine.clear();
  }

  /** The text of the keys matching {@code pattern}. */
  public List<String> keys(GlobPattern pattern) {
    return engine.keys(pattern);
  }

  /** Up to {@code limit} entries whose key's text matches {@code pattern}, by that text. */
  public Map<String, V> entries(GlobPattern pattern, int limit) {
    return engine.entries(pattern, limit);
  }

  /** The entries, weakly consistent: each present at some moment of the iteration; no use is recorded. */
  public Iterator<Map.Entry<K, V>> entries() {
    Iterator<Node<V>> nodes = engine.nodes();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return nodes.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Map.Entry<K, V> next() {
        Node<V> node = nodes.next();
        return new SimpleImmutableEntry<>((K) node.key, node.value);
      }
    };
  }

  /** How many entries there are. */
  public long size() {
    return engine.size();
  }

  /** The estimated bytes the entries take (see the memory storage's {@code memoryUsageBytes}). */
  public long estimatedBytes() {
    return engine.estimatedBytes();
  }

  /** The most entries kept; {@link Long#MAX_VALUE} when unbounded. */
  public long maxSize() {
    return engine.maxSize();
  }
}
