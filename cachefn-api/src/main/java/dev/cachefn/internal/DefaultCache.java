package dev.cachefn.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheListener;
import dev.cachefn.CacheOptions;
import dev.cachefn.CacheStats;
import dev.cachefn.SetOptions;
import dev.cachefn.Subscription;
import dev.cachefn.spi.FailureCounts;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.LookupCounter;
import dev.cachefn.spi.LookupCounting;
import dev.cachefn.spi.Storage;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Cache} over any {@link Keyspace}: argument checks, stats and events; writes go through an
 * {@link EntryWriter} (default TTL; write times for a cache with freshness settings), cache-aside loading is
 * {@link SingleFlight}'s, told here of every write and ({@link Deletions}) every removal, and for a cache
 * with freshness settings {@link FreshReads}'. The storage below holds the entries and enforces size, TTL
 * and tags.
 */
final class DefaultCache<V> implements Cache<V> {

  private static final VarHandle CLOSED;

  static {
    try {
      CLOSED = MethodHandles.lookup().findVarHandle(DefaultCache.class, "closed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final Keyspace<V> keyspace;
  private final EntryWriter<V> writer;
  /** The freshness logic of a cache with freshness settings; {@code null} for a plain cache. */
  private final @Nullable FreshReads<V> fresh;
  /** The keyspace's own counting of hits and misses, when it offers one and stats are recorded. */
  private final @Nullable LookupCounter<V> lookups;
  /** Whether this cache counts hits and misses itself: stats are recorded and the keyspace does not count. */
  private final boolean countsLookups;
  /** The keyspace's failure counts, when it keeps them (a storage that can fail to answer or to decode). */
  private final @Nullable FailureCounts failureCounts;
  private final EventDispatcher<V> events;
  private final SingleFlight<V> flights;
  /** The storage made for this cache alone, closed with it; {@code null} when the storage was given. */
  private final @Nullable AutoCloseable ownStorage;
  private final StorageRemovals<V> removals;
  private final CacheAside<V> aside;
  private final Deletions<V> deletions;

  // per-thread cells, no atomic instruction on the hot paths (see Counter); hits and misses only when the
  // keyspace does not count them (countsLookups); deletions count their own
  private final Counter hits = new Counter();
  private final Counter misses = new Counter();
  private final Counter sets = new Counter();

  /** Read once at the start of each public operation (an operation that delegates reads it in the delegate). */
  private volatile boolean closed;

  DefaultCache(CacheOptions options, Storage storage) {
    this(options, storage, FlightTimer.SYSTEM);
  }

  /** A cache whose fetch timeouts run on {@code timer}; tests pass one they fire by hand. */
  DefaultCache(CacheOptions options, Storage storage, FlightTimer timer) {
    this(options, storage, timer, null);
  }

  /** A cache that closes {@code ownStorage}, if not {@code null}, when it closes. */
  DefaultCache(CacheOptions options, Storage storage, FlightTimer timer, @Nullable AutoCloseable ownStorage) {
    this.ownStorage = ownStorage;
    this.name = options.name();
    this.events = new EventDispatcher<>(name);
    KeyspaceSettings settings =
        new KeyspaceSettings(options.namespace(), options.maxSize(), options.ticker(), options.evictionPolicy(),
            options.distributedSingleFlight());
    this.removals = new StorageRemovals<>(events);
    StampedKeyspace<V> stamped =
        options.freshness() != null ? StampedKeyspace.open(storage, settings, options, removals) : null;
    this.keyspace = stamped != null ? stamped : storage.open(settings, removals);
    this.writer = stamped != null ? stamped : EntryWriter.plain(keyspace, options.defaultTtl());
    this.flights = new SingleFlight<>(name, keyspace, writer, options.fetchTimeout(), timer, this::recordSet);
    this.fresh = stamped == null ? null : new FreshReads<>(
        name, stamped, flights, options.refreshExecutor(), events, this::recordHit, this::recordMiss);
    this.aside = new CacheAside<>(name, this, this::ensureOpen, flights, fresh);
    this.deletions = new Deletions<>(name, keyspace, flights, events);
    // the storage of a stamped keyspace would count stale entries and absences as hits
    this.lookups = options.recordStats() && stamped == null ? lookupCounter(keyspace) : null;
    this.countsLookups = options.recordStats() && lookups == null;
    this.failureCounts = keyspace instanceof FailureCounts counts ? counts : null;
  }

  @SuppressWarnings("unchecked") // a keyspace of V counts lookups of V
  private static <V> @Nullable LookupCounter<V> lookupCounter(Keyspace<V> keyspace) {
    return keyspace instanceof LookupCounting<?> counting ? ((LookupCounting<V>) counting).lookupCounter() : null;
  }

  @Override
  public String name() {
    return name;
  }

  // ---- reads ----------------------------------------------------------------------------------------

  @Override
  public @Nullable V get(String key) {
    ensureOpen();
    Arguments.key(key);
    LookupCounter<V> counter = lookups;
    V value = counter != null ? counter.get(key) : keyspace.get(key);
    if (value != null) {
      recordHit(key, value);
    } else {
      recordMiss(key);
    }
    return value;
  }

  private void recordHit(String key, @Nullable V value) {
    if (countsLookups) {
      hits.increment();
    }
    events.fireEntry(CacheEventType.HIT, key, value);
  }

  private void recordMiss(String key) {
    if (countsLookups) {
      misses.increment();
    }
    if (events.wants(CacheEventType.MISS)) {
      events.fire(CacheEvent.ofEntry(CacheEventType.MISS, name, key, null));
    }
  }

  @Override
  public Map<String, V> getMany(Collection<String> keys) {
    ensureOpen();
    Arguments.keys(keys);
    Map<String, V> found = keyspace.getAll(keys);
    long hitCount = 0;
    long missCount = 0;
    for (String key : new LinkedHashSet<>(keys)) {
      V value = found.get(key);
      if (value != null) {
        hitCount++;
        recordHit(key, value);
      } else {
        missCount++;
        recordMiss(key);
      }
    }
    if (lookups != null) {
      lookups.add(hitCount, missCount);
    }
    return found;
  }

  @Override
  public boolean has(String key) {
    ensureOpen();
    return keyspace.contains(Arguments.key(key));
  }

  @Override
  public List<String> keys(String pattern) {
    ensureOpen();
    return keyspace.keys(GlobPattern.compile(pattern));
  }

  @Override
  public Map<String, V> entries(String pattern, int limit) {
    ensureOpen();
    GlobPattern glob = GlobPattern.compile(pattern);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    return keyspace.entries(glob, limit);
  }

  @Override
  public long size() {
    ensureOpen();
    return keyspace.size();
  }

  // ---- writes ---------------------------------------------------------------------------------------

  @Override
  public void set(String key, V value) {
    set(key, value, SetOptions.none());
  }

  @Override
  public void set(String key, V value, SetOptions options) {
    ensureOpen();
    Arguments.key(key);
    Arguments.value(value, key);
    Arguments.notNull(options, "options");
    aside.plainOrFresh(options);
    flights.written(key);
    writer.put(key, value, options);
    recordSet(key, value);
  }

  private void recordSet(String key, V value) {
    sets.increment();
    events.fireEntry(CacheEventType.SET, key, value);
  }

  @Override
  public void setMany(Map<String, ? extends V> entries) {
    setMany(entries, SetOptions.none());
  }

  @Override
  public void setMany(Map<String, ? extends V> entries, SetOptions options) {
    ensureOpen();
    Arguments.entries(entries);
    Arguments.notNull(options, "options");
    aside.plainOrFresh(options);
    entries.keySet().forEach(flights::written);
    writer.putAll(entries, options);
    entries.forEach(this::recordSet);
  }

  @Override
  public boolean delete(String key) {
    ensureOpen();
    return deletions.delete(Arguments.key(key));
  }

  @Override
  public int deleteMany(Collection<String> keys) {
    ensureOpen();
    Arguments.keys(keys);
    return deletions.deleteMany(keys);
  }

  @Override
  public void clear() {
    ensureOpen();
    deletions.clear();
  }

  @Override
  public int invalidate(String key) {
    ensureOpen();
    return deletions.invalidate(Arguments.key(key));
  }

  @Override
  public int invalidateByTag(String tag) {
    ensureOpen();
    return deletions.invalidateTags(Set.of(Arguments.tag(tag)));
  }

  @Override
  public int invalidateByTags(Collection<String> tags) {
    ensureOpen();
    Arguments.tags(tags);
    return deletions.invalidateTags(Set.copyOf(tags));
  }

  @Override
  public int invalidateByPattern(String pattern) {
    ensureOpen();
    return deletions.invalidateByPattern(pattern);
  }

  // ---- cache-aside: CacheAside's ----------------------------------------------------------------------

  @Override
  public @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher) {
    return aside.getOrFetch(key, fetcher, SetOptions.none());
  }

  @Override
  public @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher, SetOptions options) {
    return aside.getOrFetch(key, fetcher, options);
  }

  @Override
  public CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher) {
    return aside.getOrFetchAsync(key, fetcher, SetOptions.none());
  }

  @Override
  public CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    return aside.getOrFetchAsync(key, fetcher, options);
  }

  @Override
  public Map<String, V> getOrFetchMany(Collection<String> keys,
      Function<? super Set<String>, ? extends Map<String, ? extends @Nullable V>> bulkFetcher, SetOptions options) {
    return aside.getOrFetchMany(keys, bulkFetcher, options);
  }

  @Override
  public CompletionStage<Map<String, V>> getOrFetchManyAsync(Collection<String> keys,
      Function<? super Set<String>, ? extends CompletionStage<? extends Map<String, ? extends @Nullable V>>>
          bulkFetcher,
      SetOptions options) {
    return aside.getOrFetchManyAsync(keys, bulkFetcher, options);
  }

  // ---- stats and listeners --------------------------------------------------------------------------

  @Override
  public CacheStats stats() {
    ensureOpen();
    LookupCounter<V> counter = lookups;
    long hitCount = counter != null ? counter.hits() : hits.sum();
    long missCount = counter != null ? counter.misses() : misses.sum();
    FreshReads<V> freshReads = fresh;
    return new CacheStats(
        hitCount, missCount, sets.sum(), deletions.count(), removals.evictions(), removals.expirations(),
        keyspace.size(), keyspace.estimatedBytes(),
        failureCounts != null ? failureCounts.failures() : 0,
        failureCounts != null ? failureCounts.decodeFailures() : 0,
        freshReads != null ? freshReads.refreshes() : 0, freshReads != null ? freshReads.refreshFailures() : 0,
        freshReads != null ? freshReads.staleServed() : 0, flights.timeouts());
  }

  @Override
  public Subscription on(CacheEventType type, CacheListener<? super V> listener) {
    ensureOpen();
    return events.add(type, listener);
  }

  @Override
  public boolean off(CacheEventType type, CacheListener<? super V> listener) {
    ensureOpen();
    return events.remove(type, listener);
  }

  @Override
  public void close() {
    if (CLOSED.compareAndSet(this, false, true)) {
      flights.removingIf(flight -> true); // a fetch under way must not store into a closed cache
      keyspace.close();
      closeOwnStorage();
    }
  }

  private void closeOwnStorage() {
    if (ownStorage != null) {
      try {
        ownStorage.close();
      } catch (Exception e) {
        System.getLogger(DefaultCache.class.getName())
            .log(System.Logger.Level.WARNING, "Closing the storage of cache '" + name + "' failed", e);
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("cache '" + name + "' is closed");
    }
  }

  @Override
  public String toString() {
    return closed ? "Cache{" + name + ", closed}" : "Cache{" + name + "}"; // size() may be a remote scan
  }
}
