package dev.cachefn.jcache.internal;

import java.util.ArrayList;
import java.util.List;
import javax.cache.event.EventType;

/**
 * What one cache operation did, gathered while it holds a key's lock and applied after it returns: counts
 * for the statistics, events for the listeners, and the operation's answer ({@link #previous},
 * {@link #applied}, {@link #processed}), which its key steps set from inside their lambdas. Made by
 * {@link OperationRecorder#begin()}, which also notes when the operation started. Used by one thread.
 */
final class Effects<K, V> {

  /** Whether events are kept: false while the cache has no listener, so that an operation allocates none. */
  private final boolean keepsEvents;
  /** {@link System#nanoTime()} when the operation began, or 0 while statistics are off. */
  final long startedAt;
  long hits;
  long misses;
  long puts;
  long removals;
  private List<PendingEvent<K, V>> events;

  /** The live value the operation replaced or removed ({@code getAndPut}, ...), or null: not yet copied. */
  V previous;
  /** Whether the operation did what it was asked: stored, replaced, removed. */
  boolean applied;
  /** What an entry processor returned. */
  private Object processed;

  Effects(boolean keepsEvents, long startedAt) {
    this.keepsEvents = keepsEvents;
    this.startedAt = startedAt;
  }

  /** Counts a hit when {@code live} is an entry, a miss when it is null; returns whether it was a hit. */
  boolean lookedUp(StoredEntry<V> live) {
    if (live == null) {
      misses++;
      return false;
    }
    hits++;
    return true;
  }

  /** Keeps what an entry processor returned, for {@link #processed()}. */
  void processed(Object result) {
    this.processed = result;
  }

  /** What the entry processor returned; the caller's processor produced a {@code T}. */
  @SuppressWarnings("unchecked")
  <T> T processed() {
    return (T) processed;
  }

  private void event(EventType type, K key, V value, V oldValue) {
    if (!keepsEvents) {
      return;
    }
    if (events == null) {
      events = new ArrayList<>(2);
    }
    events.add(new PendingEvent<>(type, key, value, oldValue));
  }

  /** A put that created the entry. */
  void created(K key, V value) {
    puts++;
    event(EventType.CREATED, key, value, null);
  }

  /** A put that replaced a live value. */
  void updated(K key, V value, V oldValue) {
    puts++;
    event(EventType.UPDATED, key, value, oldValue);
  }

  /** A removal of a live entry (an expiry is {@link #expired}, an eviction neither). */
  void removed(K key, V oldValue) {
    removals++;
    event(EventType.REMOVED, key, oldValue, oldValue);
  }

  void expired(K key, V oldValue) {
    event(EventType.EXPIRED, key, oldValue, oldValue);
  }

  List<PendingEvent<K, V>> events() {
    return events == null ? List.of() : events;
  }
}
