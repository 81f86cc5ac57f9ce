package dev.cachefn.internal;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One fetch in progress for one key: the callers that miss the same key meanwhile wait on {@link #result}.
 *
 * <p>A write or invalidation of the key during the fetch marks the flight stale, so its value is handed to
 * the waiting callers but not stored (it may predate the write). Storing and marking are ordered without a
 * lock held across either: the monitor guards only a few flags, and {@link #markStale} before a removal
 * waits (monitor released) while a store is in progress, so that the removal lands after the store it races
 * with. A write need not wait: put and put-if-absent order themselves either way.
 */
final class Flight<V> {

  final String cacheName;
  final String key;
  final Set<String> tags;
  final CompletableFuture<@Nullable V> result = new CompletableFuture<>();
  /**
   * The thread running the fetcher's synchronous part: a caller on that thread would wait for itself, and a
   * caller elsewhere follows it to find a cycle of threads waiting for each other.
   */
  volatile @Nullable Thread fetchingThread;
  /** Cancels the timer that abandons an asynchronous fetch that runs too long; set once by the owner. */
  volatile @Nullable Runnable cancelTimer;

  private boolean stale;
  /** Set once the store began: the fetch completed in time, so it is no longer abandoned. */
  private boolean storeBegan;
  private @Nullable Thread storingThread;

  Flight(String cacheName, String key, Set<String> tags) {
    this.cacheName = cacheName;
    this.key = key;
    this.tags = tags;
  }

  boolean isFetchingOn(Thread thread) {
    return fetchingThread == thread;
  }

  synchronized boolean isStale() {
    return stale;
  }

  /**
   * Marks the flight stale, so that it never stores. With {@code awaitStore} (a removal is coming), a store
   * under way on another thread is waited for (the monitor released meanwhile), so that the removal lands
   * after it. The store is one storage call: no listener, observer or fetcher runs inside it (see
   * {@link SingleFlight}). The wait is not interruptible, since a removal is not abandoned half-way; the
   * interrupt flag is restored.
   */
  synchronized void markStale(boolean awaitStore) {
    stale = true;
    if (!awaitStore || storingThread == Thread.currentThread()) {
      return; // storingThread == this thread: the storage called back into the cache while storing
    }
    boolean interrupted = false;
    while (storingThread != null) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts this thread's store of the fetched value; {@code false} if the flight is stale and must not store. */
  synchronized boolean beginStore() {
    if (stale) {
      return false;
    }
    storingThread = Thread.currentThread();
    storeBegan = true;
    return true;
  }

  /**
   * Marks an asynchronous fetch that ran too long stale, unless its store began (then it completed in time
   * after all, and its callers get its value); returns whether it did.
   */
  synchronized boolean abandon() {
    if (storeBegan) {
      return false;
    }
    stale = true;
    return true;
  }

  /** The key and its cache, for messages. */
  String describe() {
    return "'" + key + "' of cache '" + cacheName + "'";
  }

  /** Ends the store that {@link #beginStore} started; writers waiting in {@link #markStale} go on. */
  synchronized void endStore() {
    storingThread = null;
    notifyAll();
  }
}
