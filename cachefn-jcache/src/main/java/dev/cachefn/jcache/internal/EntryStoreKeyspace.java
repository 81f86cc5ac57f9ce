package dev.cachefn.jcache.internal;

import dev.cachefn.CacheFn;
import dev.cachefn.Ticker;
import dev.cachefn.memory.EntryStore;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.LookupCounter;
import dev.cachefn.spi.LookupCounting;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * A JCache cache's entries seen as a CacheFn {@link Keyspace}: what {@code unwrap(dev.cachefn.Cache.class)}
 * builds its {@code Cache} on. It works on the entries themselves, below the JCache layer: no
 * {@code CacheLoader}, {@code CacheWriter} or JCache listener is involved, and entries the JCache expiry
 * policy has expired are absent.
 *
 * <p>A key is its text ({@code toString()}): tags, patterns, {@code keys}, {@code entries}, {@code size} and
 * {@code clear} reach every entry; lookups and writes by key reach the entries whose key is that
 * {@code String}, and writes need a cache whose key type admits {@code String}. Lookups count the JCache
 * cache's own reads too ({@link #lookupCounter}), so that the CacheFn statistics show the whole cache.
 */
final class EntryStoreKeyspace<K, V> implements Keyspace<V>, LookupCounting<V> {

  private final String cacheName;
  private final Class<K> keyType;
  private final EntryTable<K, V> table;
  private final ExpiryTimes expiry;
  private final Copier copier;
  private final Counter counter = new Counter();
  private volatile RemovalListener<? super V> listener;

  EntryStoreKeyspace(String cacheName, Class<K> keyType, EntryTable<K, V> table, ExpiryTimes expiry, Copier copier) {
    this.cacheName = cacheName;
    this.keyType = keyType;
    this.table = table;
    this.expiry = expiry;
    this.copier = copier;
  }

  /** A CacheFn cache named after the JCache cache, on these entries; its clock is {@code ticker}. */
  dev.cachefn.Cache<V> cache(Ticker ticker) {
    EntryStoreKeyspace<K, V> keyspace = this;
    Storage storage = new Storage() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Keyspace<T> open(KeyspaceSettings settings, RemovalListener<? super T> removals) {
        keyspace.listen((RemovalListener<? super V>) removals);
        return (Keyspace<T>) keyspace;
      }
    };
    return CacheFn.builder(cacheName).storage(storage).ticker(ticker).maxSize(store().maxSize()).build();
  }

  private EntryStore<K, StoredEntry<V>> store() {
    return table.store();
  }

  /** Connects the CacheFn cache's removal listener (one view per JCache cache). */
  void listen(RemovalListener<? super V> removals) {
    this.listener = removals;
  }

  /** Told by the JCache cache about an entry the engine evicted. */
  void evicted(Object key, StoredEntry<V> entry) {
    RemovalListener<? super V> removals = listener;
    if (removals != null) {
      removals.evicted(String.valueOf(key), entry.value);
    }
  }

  /** Counts the lookups of one JCache operation. */
  void counted(long hits, long misses) {
    if (hits != 0 || misses != 0) {
      counter.add(hits, misses);
    }
  }

  @Override
  public V get(String key) {
    StoredEntry<V> entry = store().get(key);
    return entry == null || entry.isExpiredAt(expiry.now()) ? null : copier.copy(entry.value);
  }

  @Override
  public Map<String, V> getAll(Collection<String> keys) {
    Map<String, V> found = new LinkedHashMap<>();
    for (String key : keys) {
      V value = get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  @Override
  public boolean contains(String key) {
    StoredEntry<V> entry = store().peek(key);
    return entry != null && !entry.isExpiredAt(expiry.now());
  }

  @Override
  public void put(String key, V value, Duration ttl, Set<String> tags) {
    table.store(writable(key), entry(value, ttl), tags);
  }

  @Override
  public boolean putIfAbsent(String key, V value, Duration ttl, Set<String> tags) {
    return table.storeIfAbsent(writable(key), entry(value, ttl), tags);
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, Duration ttl, Set<String> tags) {
    entries.forEach((key, value) -> put(key, value, ttl, tags));
  }

  private K writable(String key) {
    if (!keyType.isInstance(key)) {
      throw new UnsupportedOperationException("JCache cache '" + cacheName + "' has keys of type "
          + keyType.getName() + ": its dev.cachefn.Cache view can write only caches whose key type admits"
          + " String (String or Object); write through the JCache API instead (key '" + key + "')");
    }
    return keyType.cast(key);
  }

  private StoredEntry<V> entry(V value, Duration ttl) {
    long expiresAt = ttl == null ? ExpiryTimes.ETERNAL : ExpiryTimes.after(expiry.now(), ttl);
    return new StoredEntry<>(copier.copy(value), expiresAt);
  }

  @Override
  public boolean remove(String key) {
    return store().remove(key);
  }

  @Override
  public List<String> removeAll(Collection<String> keys) {
    return store().removeAll(keys);
  }

  @Override
  public int removeByTags(Collection<String> tags) {
    return store().removeByTags(tags);
  }

  @Override
  public int removeByPattern(GlobPattern pattern) {
    return store().removeByPattern(pattern);
  }

  @Override
  public int clear() {
    return store().clear();
  }

  @Override
  public List<String> keys(GlobPattern pattern) {
    List<String> keys = new ArrayList<>();
    long now = expiry.now();
    store().entries().forEachRemaining(entry -> {
      String text = String.valueOf(entry.getKey());
      if (!entry.getValue().isExpiredAt(now) && pattern.matches(text)) {
        keys.add(text);
      }
    });
    return keys;
  }

  @Override
  public Map<String, V> entries(GlobPattern pattern, int limit) {
    Map<String, V> entries = new LinkedHashMap<>();
    long now = expiry.now();
    var all = store().entries();
    while (all.hasNext() && entries.size() < limit) {
      var entry = all.next();
      String text = String.valueOf(entry.getKey());
      if (!entry.getValue().isExpiredAt(now) && pattern.matches(text)) {
        entries.put(text, copier.copy(entry.getValue().value));
      }
    }
    return entries;
  }

  @Override
  public long size() {
    return store().size();
  }

  @Override
  public long estimatedBytes() {
    return store().estimatedBytes();
  }

  @Override
  public LookupCounter<V> lookupCounter() {
    return counter;
  }

  @Override
  public void close() {
    listener = null;
  }

  /** The lookups of the view and of the JCache cache's reads, counted together. */
  private final class Counter implements LookupCounter<V> {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @Override
    public V get(String key) {
      V value = EntryStoreKeyspace.this.get(key);
      (value == null ? misses : hits).increment();
      return value;
    }

    @Override
    public void add(long hitCount, long missCount) {
      hits.add(hitCount);
      misses.add(missCount);
    }

    @Override
    public long hits() {
      return hits.sum();
    }

    @Override
    public long misses() {
      return misses.sum();
    }
  }
}
