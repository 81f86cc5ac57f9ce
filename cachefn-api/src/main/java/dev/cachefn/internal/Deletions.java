package dev.cachefn.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The removals a cache's user asks for: deletes, invalidations and {@code clear}. Each first marks the
 * single flights of what it removes, so that a fetch under way does not store it again, then removes from
 * the keyspace, counts what was removed and fires the {@code DELETE} or {@code INVALIDATE} event. The
 * caller ({@link DefaultCache}) has checked that the cache is open and the arguments.
 *
 * @param <V> the type of the values
 */
final class Deletions<V> {

  private final String cacheName;
  private final Keyspace<V> keyspace;
  private final SingleFlight<V> flights;
  private final EventDispatcher<V> events;
  private final Counter deletes = new Counter();

  Deletions(String cacheName, Keyspace<V> keyspace, SingleFlight<V> flights, EventDispatcher<V> events) {
    this.cacheName = cacheName;
    this.keyspace = keyspace;
    this.flights = flights;
    this.events = events;
  }

  boolean delete(String key) {
    flights.removing(key);
    boolean removed = keyspace.remove(key);
    if (removed) {
      recordDelete(key);
    }
    return removed;
  }

  int deleteMany(Collection<String> keys) {
    keys.forEach(flights::removing);
    List<String> removed = keyspace.removeAll(keys);
    removed.forEach(this::recordDelete);
    return removed.size();
  }

  private void recordDelete(String key) {
    deletes.increment();
    if (events.wants(CacheEventType.DELETE)) {
      events.fire(CacheEvent.ofEntry(CacheEventType.DELETE, cacheName, key, null));
    }
  }

  void clear() {
    flights.removingIf(flight -> true);
    recordInvalidation(keyspace.clear(), null, Set.of(), null);
  }

  int invalidate(String key) {
    flights.removing(key);
    int removed = keyspace.remove(key) ? 1 : 0;
    return recordInvalidation(removed, key, Set.of(), null);
  }

  int invalidateTags(Set<String> tags) {
    if (tags.isEmpty()) {
      return 0;
    }
    flights.removingIf(flight -> !Collections.disjoint(flight.tags, tags));
    return recordInvalidation(keyspace.removeByTags(tags), null, tags, null);
  }

  int invalidateByPattern(String pattern) {
    GlobPattern glob = GlobPattern.compile(pattern);
    flights.removingIf(flight -> glob.matches(flight.key));
    return recordInvalidation(keyspace.removeByPattern(glob), null, Set.of(), pattern);
  }

  private int recordInvalidation(int count, @Nullable String key, Set<String> tags, @Nullable String pattern) {
    if (count > 0) {
      deletes.add(count);
      if (events.wants(CacheEventType.INVALIDATE)) {
        events.fire(CacheEvent.ofInvalidation(cacheName, key, tags, pattern, count));
      }
    }
    return count;
  }

  /** The entries removed through this object since the cache was made. */
  long count() {
    return deletes.sum();
  }
}
