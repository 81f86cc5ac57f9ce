package dev.cachefn.internal;

import dev.cachefn.CacheOptions;
import dev.cachefn.Freshness;
import dev.cachefn.SetOptions;
import dev.cachefn.Ticker;
import dev.cachefn.spi.ConditionalWrites;
import dev.cachefn.spi.FailureCounts;
import dev.cachefn.spi.FetchCoordination;
import dev.cachefn.spi.FetchTurn;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Stamped;
import dev.cachefn.spi.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keyspace of a cache with freshness settings, over a storage keyspace of {@link Stamped} values. As a
 * {@link Keyspace} it shows only fresh values, so the cache's plain operations ({@code get}, {@code has},
 * {@code getMany}, {@code entries}) never see an expired value or a remembered absence; {@link #lookup} shows
 * the stamped entry to the freshness logic ({@link FreshReads}). Writes stamp the value with the ticker's time
 * and keep it in the storage for its TTL plus the stale window of the write's options.
 *
 * <p>Fetched and refreshed values replace the entry they read only if it is still there: through the storage's
 * {@link ConditionalWrites} when it has them, so that a {@code set} landing between the read and the write
 * survives. A storage without them gets a read then a put, and such a {@code set} is overwritten by the
 * fetched value (fetched after the write began). A removal in that gap is never lost: removals mark the
 * fetch's flight first, and a flight so marked never stores.
 *
 * @param <V> the type of the values
 */
final class StampedKeyspace<V> implements Keyspace<V>, EntryWriter<V>, FailureCounts, FetchCoordination<V> {

  private final Keyspace<Stamped<V>> raw;
  /** The storage's compare-and-set, or {@code null}: then a replacement is a read then a put. */
  private final @Nullable ConditionalWrites<Stamped<V>> conditional;
  private final Ticker ticker;
  private final @Nullable Duration defaultTtl;
  private final Freshness defaults;
  private final String cacheName;

  StampedKeyspace(Keyspace<Stamped<V>> raw, Ticker ticker, @Nullable Duration defaultTtl, Freshness defaults,
      String cacheName) {
    this.raw = raw;
    this.conditional = conditionalWrites(raw);
    this.ticker = ticker;
    this.defaultTtl = defaultTtl;
    this.defaults = defaults;
    this.cacheName = cacheName;
  }

  @SuppressWarnings("unchecked") // a keyspace of stamped values compares and sets stamped values
  private static <V> @Nullable ConditionalWrites<Stamped<V>> conditionalWrites(Keyspace<Stamped<V>> raw) {
    return raw instanceof ConditionalWrites<?> writes ? (ConditionalWrites<Stamped<V>>) writes : null;
  }

  /**
   * Opens the stamped keyspace of a cache with freshness settings; {@code removals} hears of the values the
   * storage evicts or expires (remembered absences are not values: it does not hear of those).
   */
  static <V> StampedKeyspace<V> open(Storage storage, KeyspaceSettings settings, CacheOptions options,
      RemovalListener<V> removals) {
    Keyspace<Stamped<V>> raw = storage.open(settings, new RemovalListener<Stamped<V>>() {
      @Override
      public void evicted(String key, Stamped<V> entry) {
        if (entry.value() != null) {
          removals.evicted(key, entry.value());
        }
      }

      @Override
      public void expired(String key, Stamped<V> entry) {
        if (entry.value() != null) {
          removals.expired(key, entry.value());
        }
      }
    });
    Freshness freshness = options.freshness();
    return new StampedKeyspace<>(raw, options.ticker(), options.defaultTtl(),
        freshness != null ? freshness : Freshness.none(), options.name());
  }

  // ---- freshness --------------------------------------------------------------------------------------

  /** The stamped entry under {@code key}, fresh, stale or an absence; {@code null} when the storage has none. */
  @Nullable Stamped<V> lookup(String key) {
    return raw.get(key);
  }

  /** The stamped entries of those {@code keys} the storage has, in one storage call. */
  Map<String, Stamped<V>> lookupAll(Collection<String> keys) {
    return raw.getAll(keys);
  }

  long now() {
    return ticker.read();
  }

  /**
   * The freshness settings of a call: its own, else the cache's. A call's own {@code refreshAfter} must be
   * shorter than its TTL (its own, else the cache's default); the cache's {@code refreshAfter} with a call's
   * shorter TTL is no error: such an entry expires before a refresh is due.
   */
  Freshness freshness(SetOptions options) {
    Freshness own = options.freshness();
    if (own.isNone()) {
      return defaults; // checked against the default TTL when the cache was built
    }
    if (own.refreshAfter() != null) {
      own.checkAgainst(ttl(options), "for a call on cache '" + cacheName + "'");
    }
    return own.orElse(defaults);
  }

  @Nullable Duration ttl(SetOptions options) {
    Duration ttl = options.ttl();
    return ttl != null ? ttl : defaultTtl;
  }

  // ---- writes ------------------------------------------------------------------------------------------

  @Override
  public void put(String key, V value, SetOptions options) {
    Freshness freshness = freshness(options);
    Duration ttl = ttl(options);
    raw.put(key, stamp(value, ttl), storageTtl(ttl, freshness), options.tags());
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, SetOptions options) {
    Freshness freshness = freshness(options);
    Duration ttl = ttl(options);
    Map<String, Stamped<V>> stamped = new LinkedHashMap<>();
    entries.forEach((key, value) -> stamped.put(key, stamp(value, ttl)));
    raw.putAll(stamped, storageTtl(ttl, freshness), options.tags());
  }

  @Override
  public boolean putFetched(String key, @Nullable V value, SetOptions options) {
    Freshness freshness = freshness(options);
    if (value == null && freshness.negativeTtl() == null) {
      return false;
    }
    Stamped<V> current = raw.get(key);
    if (current != null && current.isFresh(now())) {
      return false; // written meanwhile: the write wins
    }
    return store(key, value, freshness, options, current);
  }

  /**
   * Stores the value a refresh fetched, unless the entry was rewritten since {@code seen} was read (a newer
   * write wins). A {@code null} value stores an absence under negative caching and otherwise removes the
   * entry: the source no longer has it.
   */
  boolean putRefreshed(String key, @Nullable V value, Stamped<V> seen, SetOptions options) {
    Freshness freshness = freshness(options);
    Stamped<V> current = raw.get(key);
    if (current != null && !current.sameWrite(seen) && current.isFresh(now())) {
      return false;
    }
    if (value == null && freshness.negativeTtl() == null) {
      if (current != null) {
        if (conditional != null) {
          conditional.remove(key, current);
        } else {
          raw.remove(key);
        }
      }
      return false;
    }
    return store(key, value, freshness, options, current);
  }

  /** Stores a fetched value (an absence when {@code null}) in place of {@code current}, if that is still there. */
  private boolean store(String key, @Nullable V value, Freshness freshness, SetOptions options,
      @Nullable Stamped<V> current) {
    Duration ttl = value != null ? ttl(options) : freshness.negativeTtl();
    Stamped<V> entry = stamp(value, ttl);
    Duration storageTtl = value != null ? storageTtl(ttl, freshness) : ttl;
    if (current == null) {
      return raw.putIfAbsent(key, entry, storageTtl, options.tags());
    }
    if (conditional != null) {
      return conditional.replace(key, current, entry, storageTtl, options.tags());
    }
    raw.put(key, entry, storageTtl, options.tags());
    return true;
  }

  @Override
  public boolean cachesAbsence(SetOptions options) {
    return options.freshness().negativeTtl() != null || defaults.negativeTtl() != null;
  }

  private Stamped<V> stamp(@Nullable V value, @Nullable Duration ttl) {
    long now = now();
    long expiresAt = ttl == null ? Stamped.NEVER : saturatedAdd(now, nanos(ttl));
    return new Stamped<>(value, now, expiresAt);
  }

  private static @Nullable Duration storageTtl(@Nullable Duration ttl, Freshness freshness) {
    return ttl == null ? null : ttl.plus(freshness.staleWindow());
  }

  static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException beyondLong) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long now, long nanos) {
    long sum = now + nanos;
    return ((now ^ sum) & (nanos ^ sum)) < 0 || sum == Stamped.NEVER ? Stamped.NEVER - 1 : sum;
  }

  @Override
  public void put(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    raw.put(key, stamp(value, ttl), storageTtl(ttl, defaults), tags);
  }

  @Override
  public boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    return raw.putIfAbsent(key, stamp(value, ttl), storageTtl(ttl, defaults), tags);
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> tags) {
    Map<String, Stamped<V>> stamped = new LinkedHashMap<>();
    entries.forEach((key, value) -> stamped.put(key, stamp(value, ttl)));
    raw.putAll(stamped, storageTtl(ttl, defaults), tags);
  }

  // ---- reads: fresh values only ------------------------------------------------------------------------

  private @Nullable V fresh(@Nullable Stamped<V> entry, long now) {
    return entry != null && entry.isFresh(now) ? entry.value() : null;
  }

  @Override
  public @Nullable V get(String key) {
    return fresh(raw.get(key), now());
  }

  @Override
  public Map<String, V> getAll(Collection<String> keys) {
    return freshOnly(raw.getAll(keys), Integer.MAX_VALUE);
  }

  /** Reads the entry (a use of it, unlike the storage's own {@code contains}): only a fresh value counts. */
  @Override
  public boolean contains(String key) {
    return raw.contains(key) && get(key) != null;
  }

  @Override
  public List<String> keys(GlobPattern pattern) {
    return new ArrayList<>(entries(pattern, Integer.MAX_VALUE).keySet());
  }

  @Override
  public Map<String, V> entries(GlobPattern pattern, int limit) {
    Map<String, Stamped<V>> found = raw.entries(pattern, limit);
    Map<String, V> fresh = freshOnly(found, limit);
    if (fresh.size() < found.size() && found.size() == limit) {
      fresh = freshOnly(raw.entries(pattern, Integer.MAX_VALUE), limit); // stale ones took places
    }
    return fresh;
  }

  private Map<String, V> freshOnly(Map<String, Stamped<V>> entries, int limit) {
    long now = now();
    Map<String, V> fresh = new LinkedHashMap<>();
    for (Map.Entry<String, Stamped<V>> entry : entries.entrySet()) {
      V value = fresh(entry.getValue(), now);
      if (value != null && fresh.size() < limit) {
        fresh.put(entry.getKey(), value);
      }
    }
    return fresh;
  }

  // ---- the rest is the storage's -------------------------------------------------------------------------

  @Override
  public boolean remove(String key) {
    return raw.remove(key);
  }

  @Override
  public List<String> removeAll(Collection<String> keys) {
    return raw.removeAll(keys);
  }

  @Override
  public int removeByTags(Collection<String> tags) {
    return raw.removeByTags(tags);
  }

  @Override
  public int removeByPattern(GlobPattern pattern) {
    return raw.removeByPattern(pattern);
  }

  @Override
  public int clear() {
    return raw.clear();
  }

  @Override
  public long size() {
    return raw.size();
  }

  @Override
  public long estimatedBytes() {
    return raw.estimatedBytes();
  }

  @Override
  public long failures() {
    return raw instanceof FailureCounts counts ? counts.failures() : 0;
  }

  @Override
  public long decodeFailures() {
    return raw instanceof FailureCounts counts ? counts.decodeFailures() : 0;
  }

  /** The storage's coordination across instances, when it has one, answering fresh values only. */
  @Override
  @SuppressWarnings("unchecked") // a keyspace of stamped values coordinates fetches of stamped values
  public FetchTurn<V> beginFetch(String key, Duration wait) {
    if (!(raw instanceof FetchCoordination<?> coordination)) {
      return FetchTurn.fetch();
    }
    FetchTurn<Stamped<V>> turn = ((FetchCoordination<Stamped<V>>) coordination).beginFetch(key, wait);
    Stamped<V> found = turn.found();
    if (found == null) {
      return FetchTurn.fetch(turn::end);
    }
    V value = fresh(found, now());
    return value != null ? FetchTurn.found(value) : FetchTurn.fetch();
  }

  @Override
  public void close() {
    raw.close();
  }
}
