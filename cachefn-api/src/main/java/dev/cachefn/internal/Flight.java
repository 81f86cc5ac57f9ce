package dev.cachefn.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One fetch in progress for one key: the callers that miss the same key meanwhile wait on {@link #result}.
 * A write or invalidation of the key during the fetch marks the flight stale, so its value is handed to the
 * waiting callers but not stored (it may predate the write).
 */
final class Flight<V> {

  final CompletableFuture<@Nullable V> result = new CompletableFuture<>();
  final Set<String> tags;
  /** The thread running the fetcher's synchronous part, to detect a fetcher that asks for its own key. */
  volatile @Nullable Thread fetchingThread;
  private boolean stale;

  Flight(Set<String> tags) {
    this.tags = tags;
  }

  boolean isFetchingOn(Thread thread) {
    return fetchingThread == thread;
  }

  synchronized boolean isStale() {
    return stale;
  }

  synchronized void markStale() {
    stale = true;
  }

  /**
   * Runs {@code store} unless the flight went stale; atomic with respect to {@link #markStale()}. Returns
   * whether it ran and stored.
   */
  synchronized boolean storeUnlessStale(java.util.function.BooleanSupplier store) {
    return !stale && store.getAsBoolean();
  }
}
