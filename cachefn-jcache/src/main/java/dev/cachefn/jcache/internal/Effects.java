package dev.cachefn.jcache.internal;

import java.util.ArrayList;
import java.util.List;
import javax.cache.event.EventType;

/**
 * What one cache operation did, gathered while it holds a key's lock and applied after it returns: counts
 * for the statistics and events for the listeners. Used by one thread.
 */
final class Effects<K, V> {

  /** Whether events are kept: false while the cache has no listener, so that an operation allocates none. */
  private final boolean keepsEvents;
  long hits;
  long misses;
  long puts;
  long removals;
  private List<PendingEvent<K, V>> events;

  Effects(boolean keepsEvents) {
    this.keepsEvents = keepsEvents;
  }

  void event(EventType type, K key, V value, V oldValue) {
    if (!keepsEvents) {
      return;
    }
    if (events == null) {
      events = new ArrayList<>(2);
    }
    events.add(new PendingEvent<>(type, key, value, oldValue));
  }

  void created(K key, V value) {
    event(EventType.CREATED, key, value, null);
  }

  void updated(K key, V value, V oldValue) {
    event(EventType.UPDATED, key, value, oldValue);
  }

  void removed(K key, V oldValue) {
    event(EventType.REMOVED, key, oldValue, oldValue);
  }

  void expired(K key, V oldValue) {
    event(EventType.EXPIRED, key, oldValue, oldValue);
  }

  List<PendingEvent<K, V>> events() {
    return events == null ? List.of() : events;
  }
}
