package dev.cachefn;

/**
 * Receives cache events; registered with {@link Cache#on(CacheEventType, CacheListener)}. Runs on the thread
 * that caused the event. An exception it throws is logged and ignored.
 *
 * @param <V> the type of the cached values
 */
@FunctionalInterface
public interface CacheListener<V> {

  /** Handles one event. */
  void onEvent(CacheEvent<? extends V> event);
}
