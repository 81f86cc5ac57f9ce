package dev.cachefn.spi;

import java.time.Duration;

/**
 * Optional capability of a {@link Keyspace} that several application instances share: one instance fetches a
 * missing key while the others wait for its value, so a miss costs one fetch across the instances, not one per
 * instance. A keyspace that does not implement this lets every instance fetch at once (single flight then holds
 * within each instance only). The cache checks for this interface once, when it opens the keyspace.
 *
 * @param <V> the type of the values
 */
public interface FetchCoordination<V> {

  /**
   * Called by {@code getOrFetch} on the one caller of this application instance that is about to run the
   * fetcher for {@code key}, after a miss. The keyspace may wait, at most {@code wait} (the cache's fetch
   * timeout), for another instance's fetch and answer the value that fetch stored. The cache calls
   * {@link FetchTurn#end()} on a go-ahead once the fetched value is stored or the fetch failed. Thread-safe.
   */
  FetchTurn<V> beginFetch(String key, Duration wait);
}
