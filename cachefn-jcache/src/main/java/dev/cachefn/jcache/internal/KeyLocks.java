package dev.cachefn.jcache.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per key, held while an operation on that key decides, calls a {@code CacheWriter} or an
 * {@code EntryProcessor} and stores its result, so that operations on one key are atomic while those on
 * other keys run on. A key's lock exists only while some thread holds or waits for it. Reentrant: an entry
 * processor or a listener may work on its own key again. Thread-safe.
 */
final class KeyLocks<K> {

  private final ConcurrentHashMap<K, KeyLock> locks = new ConcurrentHashMap<>();

  /** Runs {@code action} holding {@code key}'s lock. */
  void run(K key, Runnable action) {
    KeyLock lock = locks.compute(key, (k, present) -> {
      KeyLock taken = present == null ? new KeyLock() : present;
      taken.users++;
      return taken;
    });
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
      locks.computeIfPresent(key, (k, present) -> --present.users == 0 ? null : present);
    }
  }

  /** How many keys have a lock now: zero whenever no operation is running. */
  int size() {
    return locks.size();
  }

  /** A lock and the number of threads that hold or wait for it (changed only inside the map's compute). */
  private static final class KeyLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    int users;
  }
}
