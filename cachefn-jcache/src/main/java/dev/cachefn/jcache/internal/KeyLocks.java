package dev.cachefn.jcache.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock per key, held while an operation on that key decides, calls a {@code CacheWriter} or an
 * {@code EntryProcessor} and stores its result, so that operations on one key are atomic while those on
 * other keys run on. Reentrant: an entry processor may work on its own key again. Thread-safe.
 *
 * <p>A key is locked by putting a {@link Holder} for it into a map, and unlocked by taking it out; a thread
 * that finds another thread's holder waits for its release and tries again. The map holds only the keys
 * being worked on, and an uncontended lock costs one small object and two map operations (no lock object
 * of its own, no queue).
 */
final class KeyLocks<K> {

  private final ConcurrentHashMap<K, Holder> holders = new ConcurrentHashMap<>();

  /** Runs {@code action} holding {@code key}'s lock. */
  void run(K key, Runnable action) {
    Thread me = Thread.currentThread();
    Holder mine = new Holder(me);
    for (Holder holder = holders.putIfAbsent(key, mine); holder != null; holder = holders.putIfAbsent(key, mine)) {
      if (holder.owner == me) {
        action.run(); // already ours: the outer call releases it
        return;
      }
      holder.join();
    }
    try {
      action.run();
    } finally {
      holders.remove(key, mine);
      mine.complete(null);
    }
  }

  /** How many keys are locked now: zero whenever no operation is running. */
  int size() {
    return holders.size();
  }

  /**
   * The lock of one key by one thread, completed when released; any number of threads wait for it with
   * {@link #join()}, which, like {@code Lock.lock()}, goes on waiting when interrupted and leaves the interrupt
   * set for the waiter's code to see.
   */
  private static final class Holder extends CompletableFuture<Void> {
    final Thread owner;

    Holder(Thread owner) {
      this.owner = owner;
    }
  }
}
