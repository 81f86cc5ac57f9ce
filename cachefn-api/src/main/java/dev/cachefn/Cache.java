package dev.cachefn;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A named cache of values of type {@code V} under string keys such as {@code user:123}.
 *
 * <p>Entries may carry a time-to-live and tags; they can be removed one by one, by tag or by glob pattern
 * ({@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}, {@code [!a]}, {@code \} to escape). Values are never
 * {@code null}: a {@code null} answer always means "no entry".
 *
 * <p>Every method is thread-safe. Keys must be non-null and non-empty; a bad argument fails with
 * {@link NullPointerException} or {@link IllegalArgumentException} naming the argument, and leaves the cache
 * untouched. Listener failures never reach the caller (see {@link #on}).
 *
 * <p>A cache is open until {@link #close()}; then every operation but {@link #name()} and {@code close()}
 * fails with {@link IllegalStateException}. The entries stay in the storage, where another cache of the same
 * namespace still sees them.
 *
 * @param <V> the type of the cached values
 */
public interface Cache<V> extends AutoCloseable {

  /** The cache's name, as given to {@link CacheFn#builder(String)}. */
  String name();

  /** Returns the value under {@code key}, or {@code null} when absent or expired; counts a hit or a miss. */
  @Nullable V get(String key);

  /**
   * Returns the values of the keys that are present, in the order of {@code keys}; absent or expired keys
   * have no mapping in the result. Each key counts as one hit or one miss.
   */
  Map<String, V> getMany(Collection<String> keys);

  /** Stores {@code value} under {@code key} with the cache's default TTL and no tags. */
  void set(String key, V value);

  /** Stores {@code value} under {@code key} with the options' TTL (or the default TTL) and tags. */
  void set(String key, V value, SetOptions options);

  /** Stores every entry of {@code entries} with the cache's default TTL and no tags. */
  void setMany(Map<String, ? extends V> entries);

  /** Stores every entry of {@code entries} with the same options. */
  void setMany(Map<String, ? extends V> entries, SetOptions options);

  /** Tells whether a live entry exists under {@code key}; counts neither a hit nor a miss. */
  boolean has(String key);

  /** Removes the entry under {@code key}; returns whether there was one. */
  boolean delete(String key);

  /** Removes the entries under {@code keys}; returns how many existed. */
  int deleteMany(Collection<String> keys);

  /** Removes every entry of this cache (of its namespace only, on a shared storage). */
  void clear();

  /**
   * Cache-aside: returns the cached value, or runs {@code fetcher}, stores its result with the default
   * options and returns it.
   *
   * @see #getOrFetch(String, Supplier, SetOptions)
   */
  @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher);

  /**
   * Cache-aside: returns the cached value, or runs {@code fetcher} on the calling thread, stores its result
   * with {@code options} and returns it.
   *
   * <p>Single flight: concurrent callers for the same missing key run the fetcher once and all receive its
   * result. If the fetcher throws, every waiting caller receives that exception and nothing is stored; the
   * next call fetches again. A {@code null} result is returned to the callers but not stored. If the key is
   * written, deleted or invalidated while the fetch runs, the fetched value is returned to the callers already
   * waiting but not stored, and callers arriving after that start a fetch of their own: a fetch never
   * resurrects invalidated data nor overwrites a newer write.
   *
   * <p>No caller waits forever. A caller that joins another caller's fetch waits at most the fetch timeout
   * ({@link SetOptions#fetchTimeout()}, else {@link CacheBuilder#fetchTimeout}), then fails with
   * {@link FetchTimeoutException}; the fetch goes on. An interrupted waiter fails with
   * {@link FetchInterruptedException}, its interrupt flag set. A call that would wait for itself (from inside
   * its own fetcher, or through other threads whose fetches wait for each other) fails at once with
   * {@link IllegalStateException}. The fetcher itself runs with no lock held, and is never cut short.
   *
   * <p>On a cache with {@link Freshness} settings, a hit may start a background refresh that runs this
   * fetcher on the refresh executor, a value past its TTL may be returned within the stale windows, and a
   * {@code null} result may be remembered (negative caching); see {@link CacheBuilder#refreshAfter} and the
   * methods after it.
   *
   * @throws FetchTimeoutException if another caller's fetch of the key did not finish within the timeout
   * @throws FetchInterruptedException if the thread was interrupted while it waited for another caller's fetch
   */
  @Nullable V getOrFetch(String key, Supplier<? extends @Nullable V> fetcher, SetOptions options);

  /** Asynchronous cache-aside with the default options; see {@link #getOrFetchAsync(String, Supplier, SetOptions)}. */
  CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher);

  /**
   * Asynchronous cache-aside: completes with the cached value at once, or calls {@code fetcher} (which must
   * only start the work and return its stage), stores the completed value with {@code options} and completes
   * with it. The caller's thread never waits for the fetch. Single flight, failure and {@code null} rules are
   * those of {@link #getOrFetch(String, Supplier, SetOptions)}; a failed stage is never cached. A fetch whose
   * stage has not completed within the fetch timeout is abandoned: the stages of its callers fail with
   * {@link FetchTimeoutException}, its value is never stored, and the next caller fetches again.
   */
  CompletionStage<@Nullable V> getOrFetchAsync(
      String key, Supplier<? extends CompletionStage<? extends @Nullable V>> fetcher, SetOptions options);

  /** Bulk cache-aside with the default options; see {@link #getOrFetchMany(Collection, Function, SetOptions)}. */
  default Map<String, V> getOrFetchMany(Collection<String> keys,
      Function<? super Set<String>, ? extends Map<String, ? extends @Nullable V>> bulkFetcher) {
    return getOrFetchMany(keys, bulkFetcher, SetOptions.none());
  }

  /**
   * Bulk cache-aside: returns the values of {@code keys}, in their order, fetching those the cache does not
   * hold with one call of {@code bulkFetcher}, which gets exactly those keys and returns their values; the
   * values are stored with {@code options}. Keys another caller is fetching already (a {@code getOrFetch}, or
   * another bulk fetch) are awaited, not fetched again, and callers of single keys that miss meanwhile wait
   * for this fetch. A key the fetcher leaves out or maps to {@code null} has no mapping in the result (and is
   * remembered as absent under negative caching); keys it returns that were not asked for, {@code null} keys
   * and {@code null} values are not stored. If the fetcher throws, or returns {@code null}, nothing is stored
   * and the exception reaches the caller and those waiting for its keys. Waits are bounded as in
   * {@link #getOrFetch(String, Supplier, SetOptions)}, by one fetch timeout for all the keys awaited.
   * Stale-if-error: when the fetch of some keys fails (this call's, or one it awaited) and each of them has an
   * expired value within its stale-if-error window, those values are returned instead of the exception (counted
   * as {@code staleServed}, a {@code STALE} event each); if one of them has none, the exception reaches the
   * caller and nothing is counted.
   */
  Map<String, V> getOrFetchMany(Collection<String> keys,
      Function<? super Set<String>, ? extends Map<String, ? extends @Nullable V>> bulkFetcher, SetOptions options);

  /** Asynchronous bulk cache-aside with the default options. */
  default CompletionStage<Map<String, V>> getOrFetchManyAsync(Collection<String> keys,
      Function<? super Set<String>, ? extends CompletionStage<? extends Map<String, ? extends @Nullable V>>>
          bulkFetcher) {
    return getOrFetchManyAsync(keys, bulkFetcher, SetOptions.none());
  }

  /**
   * Asynchronous bulk cache-aside: as {@link #getOrFetchMany(Collection, Function, SetOptions)}, with a fetcher
   * that only starts the work and returns its stage; the caller never waits. A fetch whose stage has not
   * completed within the fetch timeout is abandoned, as in {@link #getOrFetchAsync}.
   */
  CompletionStage<Map<String, V>> getOrFetchManyAsync(Collection<String> keys,
      Function<? super Set<String>, ? extends CompletionStage<? extends Map<String, ? extends @Nullable V>>>
          bulkFetcher,
      SetOptions options);

  /** Returns the keys of live entries that match the glob {@code pattern} ({@code "*"} for all). */
  List<String> keys(String pattern);

  /** Returns up to {@code limit} live entries whose keys match {@code pattern}, without counting hits. */
  Map<String, V> entries(String pattern, int limit);

  /** Returns the number of entries, which may include expired entries not yet cleaned up. */
  long size();

  /** Removes the entry under {@code key}, firing an invalidate event; returns the count removed (0 or 1). */
  int invalidate(String key);

  /** Removes every entry tagged {@code tag}; returns the count removed. Costs O(entries with the tag). */
  int invalidateByTag(String tag);

  /** Removes every entry tagged with at least one of {@code tags}; returns the count removed. */
  int invalidateByTags(Collection<String> tags);

  /** Removes every entry whose key matches the glob {@code pattern}; returns the count removed. */
  int invalidateByPattern(String pattern);

  /** A snapshot of this cache's counters. */
  CacheStats stats();

  /**
   * Calls {@code listener} for every event of {@code type}, on the thread that caused it, after the
   * operation took effect and with no lock of the cache held: a listener may block or call the cache without
   * holding up other keys, or writers and waiting readers of the same key. A listener that throws is logged (through {@link System.Logger}) and ignored: the
   * operation and the other listeners go on. Listeners should be fast; they run inline.
   *
   * @return a subscription whose {@link Subscription#close()} removes the listener
   */
  Subscription on(CacheEventType type, CacheListener<? super V> listener);

  /** Removes {@code listener} from events of {@code type}; returns whether it was registered. */
  boolean off(CacheEventType type, CacheListener<? super V> listener);

  /**
   * Closes this cache: detaches it from its storage, so that it receives no more removals (evictions,
   * expirations) from it, and makes every later operation fail with
   * {@code IllegalStateException("cache '<name>' is closed")}. The entries are left in the storage. A fetch
   * under way when the cache closes still returns its value to its callers, but does not store it.
   *
   * <p>Idempotent and thread-safe: closing a closed cache does nothing. Throws nothing.
   */
  @Override
  void close();
}
