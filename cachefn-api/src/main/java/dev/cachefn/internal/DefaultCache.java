package dev.cachefn.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheListener;
import dev.cachefn.CacheOptions;
import dev.cachefn.CacheStats;
import dev.cachefn.SetOptions;
import dev.cachefn.Subscription;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.LookupCounter;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Cache} over any {@link Keyspace}: argument checks, default TTL, stats, events and single-flight
 * cache-aside loading. The storage below holds the entries and enforces size, TTL and tags.
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
  private final @Nullable Duration defaultTtl;
  private final Keyspace<V> keyspace;
  /** The keyspace's own counting of hits and misses, when it offers one and stats are recorded. */
  private final @Nullable LookupCounter<V> lookups;
  /** Whether this cache counts hits and misses itself: stats are recorded and the keyspace does not count. */
  private final boolean countsLookups;
  private final EventDispatcher<V> events;
  private final ConcurrentHashMap<String, Flight<V>> flights = new ConcurrentHashMap<>();

  // per-thread cells, no atomic instruction on the hot paths (see Counter); hits and misses only when the
  // keyspace does not count them (countsLookups)
  private final Counter hits = new Counter();
  private final Counter misses = new Counter();
  private final Counter sets = new Counter();
  private final Counter deletes = new Counter();
  private final Counter evictions = new Counter();
  private final Counter expirations = new Counter();

  /** Read once at the start of each public operation (an operation that delegates reads it in the delegate). */
  private volatile boolean closed;

  DefaultCache(CacheOptions options, Storage storage) {
    this.name = options.name();
    this.defaultTtl = options.defaultTtl();
    this.events = new EventDispatcher<>(name);
    this.keyspace = storage.open(
        new KeyspaceSettings(options.namespace(), options.maxSize(), options.ticker(), options.evictionPolicy()),
        new Removals());
    this.lookups = options.recordStats() ? keyspace.lookupCounter() : null;
    this.countsLookups = options.recordStats() && lookups == null;
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

  private void recordHit(String key, V value) {
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
    staleFlight(key);
    keyspace.put(key, value, ttl(options), options.tags());
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
    entries.keySet().forEach(this::staleFlight);
    keyspace.putAll(entries, ttl(options), options.tags());
    entries.forEach(this::recordSet);
  }

  private @Nullable Duration ttl(SetOptions options) {
    Duration ttl = options.ttl();
    return ttl != null ? ttl : defaultTtl;
  }

  @Override
  public boolean delete(String key) {
    ensureOpen();
    Arguments.key(key);
    staleFlight(key);
    boolean removed = keyspace.remove(key);
    if (removed) {
      recordDelete(key);
    }
    return removed;
  }

  private void recordDelete(String key) {
    deletes.increment();
    if (events.wants(CacheEventType.DELETE)) {
      events.fire(CacheEvent.ofEntry(CacheEventType.DELETE, name, key, null));
    }
  }

  @Override
  public int deleteMany(Collection<String> keys) {
    ensureOpen();
    Arguments.keys(keys);
    keys.forEach(this::staleFlight);
    List<String> removed = keyspace.removeAll(keys);
    removed.forEach(this::recordDelete);
    return removed.size();
  }

  @Override
  public void clear() {
    ensureOpen();
    flights.values().forEach(Flight::markStale);
    recordInvalidation(keyspace.clear(), null, Set.of(), null);
  }

  @Override
  public int invalidate(String key) {
    ensureOpen();
    Arguments.key(key);
    staleFlight(key);
    int removed = keyspace.remove(key) ? 1 : 0;
    return recordInvalidation(removed, key, Set.of(), null);
  }

  @Override
  public int invalidateByTag(String tag) {
    ensureOpen();
    return invalidateTags(Set.of(Arguments.tag(tag)));
  }

  @Override
  public int invalidateByTags(Collection<String> tags) {
    ensureOpen();
    Arguments.tags(tags);
    return invalidateTags(Set.copyOf(tags));
  }

  private int invalidateTags(Set<String> tags) {
    if (tags.isEmpty()) {
      return 0;
    }
    for (Flight<V> flight : flights.values()) {
      if (!java.util.Collections.disjoint(flight.tags, tags)) {
        flight.markStale();
      }
    }
    return recordInvalidation(keyspace.removeByTags(tags), null, tags, null);
  }

  @Override
  public int invalidateByPattern(String pattern) {
    ensureOpen();
    GlobPattern glob = GlobPattern.compile(pattern);
    flights.forEach((key, flight) -> {
      if (glob.matches(key)) {
        flight.markStale();
      }
    });
    return recordInvalidation(keyspace.removeByPattern(glob), null, Set.of(), pattern);
  }

  private int recordInvalidation(int count, @Nullable String key, Set<String> tags, @Nullable String pattern) {
    if (count > 0) {
      deletes.add(count);
      if (events.wants(CacheEventType.INVALIDATE)) {
        events.fire(CacheEvent.ofInvalidation(name, key, tags, pattern, count));
      }
    }
    return count;
  }

  /** A write or removal of {@code key} makes a fetch of it that is under way too old to store. */
  private void staleFlight(String key) {
    if (!flights.isEmpty()) {
      Flight<V> flight = flights.get(key);
      if (flight != null) {
        flight.markStale();
      }
    }
  }

  // ---- cache-aside ----------------------------------------------------------------------------------

  @Override
  public @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher) {
    return getOrFetch(key, fetcher, SetOptions.none());
  }

  @Override
  public @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher, SetOptions options) {
    Arguments.key(key);
    Arguments.notNull(fetcher, "fetcher");
    Arguments.notNull(options, "options");
    V cached = get(key); // checks that the cache is open
    if (cached != null) {
      return cached;
    }
    Flight<V> mine = new Flight<>(options.tags());
    Flight<V> running = register(key, mine);
    if (running != null) {
      if (running.isFetchingOn(Thread.currentThread())) {
        throw recursiveFetch(key);
      }
      return awaitFlight(running);
    }
    V value;
    try {
      value = keyspace.get(key); // a fetch that finished between our miss and our flight
      if (value == null) {
        mine.fetchingThread = Thread.currentThread();
        try {
          value = fetcher.get();
        } finally {
          mine.fetchingThread = null;
        }
        if (value != null) {
          storeFetched(key, value, options, mine);
        }
      }
    } catch (Throwable failure) {
      land(key, mine, null, failure);
      throw failure;
    }
    land(key, mine, value, null);
    return value;
  }

  @Override
  public CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher) {
    return getOrFetchAsync(key, fetcher, SetOptions.none());
  }

  @Override
  public CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options) {
    Arguments.key(key);
    Arguments.notNull(fetcher, "fetcher");
    Arguments.notNull(options, "options");
    V cached = get(key); // checks that the cache is open
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    Flight<V> mine = new Flight<>(options.tags());
    Flight<V> running = register(key, mine);
    if (running != null) {
      if (running.isFetchingOn(Thread.currentThread())) {
        return CompletableFuture.failedFuture(recursiveFetch(key));
      }
      return running.result.copy();
    }
    CompletionStage<? extends @Nullable V> stage;
    try {
      V present = keyspace.get(key);
      if (present != null) {
        land(key, mine, present, null);
        return mine.result.copy();
      }
      mine.fetchingThread = Thread.currentThread();
      try {
        stage = fetcher.get();
      } finally {
        mine.fetchingThread = null;
      }
      if (stage == null) {
        throw new NullPointerException(
            "fetcher for key '" + key + "' returned null instead of a CompletionStage");
      }
    } catch (Throwable failure) {
      land(key, mine, null, failure);
      return mine.result.copy();
    }
    stage.whenComplete((value, error) -> {
      if (error != null) {
        land(key, mine, null, unwrap(error));
        return;
      }
      try {
        if (value != null) {
          storeFetched(key, value, options, mine);
        }
      } catch (Throwable failure) {
        land(key, mine, null, failure);
        return;
      }
      land(key, mine, value, null);
    });
    return mine.result.copy();
  }

  /**
   * Registers {@code mine} as the flight of {@code key} and returns {@code null}, or returns the running
   * flight to join. A stale flight is replaced, not joined: its value may predate a write or removal that
   * the caller has already seen, so a caller that starts after the removal must not receive it.
   */
  private @Nullable Flight<V> register(String key, Flight<V> mine) {
    while (true) {
      Flight<V> running = flights.putIfAbsent(key, mine);
      if (running == null || !running.isStale() || running.isFetchingOn(Thread.currentThread())) {
        return running;
      }
      if (flights.replace(key, running, mine)) {
        return null;
      }
    }
  }

  /**
   * Stores a fetched value unless the flight went stale (a removal or write of the key marked it) or the key
   * was written meanwhile by a writer that looked for a flight before this one registered: the storage's
   * put-if-absent lets that write win without a lock around every write.
   */
  private void storeFetched(String key, V value, SetOptions options, Flight<V> flight) {
    if (flight.storeUnlessStale(() -> keyspace.putIfAbsent(key, value, ttl(options), options.tags()))) {
      recordSet(key, value);
    }
  }

  /** Ends a flight: later callers look in the cache again; the waiting ones get the outcome. */
  private void land(String key, Flight<V> flight, @Nullable V value, @Nullable Throwable failure) {
    flights.remove(key, flight);
    if (failure != null) {
      flight.result.completeExceptionally(failure);
    } else {
      flight.result.complete(value);
    }
  }

  private @Nullable V awaitFlight(Flight<V> flight) {
    try {
      return flight.result.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause == null) {
        throw e;
      }
      // the fetcher's own exception, also a checked one (a Kotlin fetcher can throw one): the waiters must
      // get what the fetching caller got, not a CompletionException around it
      throw DefaultCache.<RuntimeException>rethrow(cause);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T rethrow(Throwable failure) throws T {
    throw (T) failure;
  }

  private static Throwable unwrap(Throwable error) {
    if (error instanceof CompletionException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }

  private static IllegalStateException recursiveFetch(String key) {
    return new IllegalStateException(
        "getOrFetch for key '" + key + "' was called again from inside its own fetcher; this would wait"
            + " for itself forever. Fetch the value directly instead.");
  }

  // ---- stats and listeners --------------------------------------------------------------------------

  @Override
  public CacheStats stats() {
    ensureOpen();
    LookupCounter<V> counter = lookups;
    long hitCount = counter != null ? counter.hits() : hits.sum();
    long missCount = counter != null ? counter.misses() : misses.sum();
    return new CacheStats(
        hitCount, missCount, sets.sum(), deletes.sum(), evictions.sum(), expirations.sum(),
        keyspace.size(), keyspace.estimatedBytes(), keyspace.failures(), keyspace.decodeFailures());
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
      flights.values().forEach(Flight::markStale); // a fetch under way must not store into a closed cache
      keyspace.close();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("cache '" + name + "' is closed");
    }
  }

  @Override
  public String toString() {
    return closed ? "Cache{" + name + ", closed}" : "Cache{" + name + ", size=" + keyspace.size() + "}";
  }

  /** Turns the storage's own removals into stats and events. */
  private final class Removals implements RemovalListener<V> {
    @Override
    public void evicted(String key, V value) {
      evictions.increment();
      events.fireEntry(CacheEventType.EVICTION, key, value);
    }

    @Override
    public void expired(String key, V value) {
      expirations.increment();
      events.fireEntry(CacheEventType.EXPIRATION, key, value);
    }
  }
}
