package dev.cachefn.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The flight each blocked caller of {@code getOrFetch} waits for, across every cache of this JVM: the edges
 * of a wait-for graph whose nodes are threads. A caller about to wait follows "this flight is fetched by
 * thread T, T waits for that flight, fetched by ..." and fails instead of waiting if the chain comes back to
 * its own thread. Registering before searching means that of two threads closing a cycle at the same time,
 * at least the later one sees it.
 */
final class WaitingThreads {

  private static final ConcurrentHashMap<Thread, Flight<?>> WAITING = new ConcurrentHashMap<>();

  private WaitingThreads() {}

  /**
   * Records that {@code me} is about to wait for {@code flight}; returns the failure to throw instead when the
   * wait would never end (the caller then still calls {@link #leave}), else {@code null}.
   */
  static @Nullable IllegalStateException enter(Thread me, Flight<?> flight) {
    WAITING.put(me, flight);
    return cycleThrough(flight, me);
  }

  /** Records that {@code me} no longer waits for {@code flight}. */
  static void leave(Thread me, Flight<?> flight) {
    WAITING.remove(me, flight);
  }

  /**
   * The failure of a caller that would wait for itself: the chain of flights from {@code first}, each fetched
   * by a thread that waits for the next, leads back to {@code me}; {@code null} when it does not.
   */
  private static @Nullable IllegalStateException cycleThrough(Flight<?> first, Thread me) {
    if (first.isFetchingOn(me)) {
      return selfWait(first);
    }
    StringBuilder chain = new StringBuilder(first.describe());
    Flight<?> flight = first;
    // a chain that does not come back to a thread seen before has at most one hop per waiting thread
    for (int hops = WAITING.size() + 1; hops > 0; hops--) {
      Thread fetching = flight.fetchingThread;
      if (fetching == null) {
        return null;
      }
      chain.append(" on thread '").append(fetching.getName()).append('\'');
      if (fetching == me) {
        return new IllegalStateException("getOrFetch of key '" + first.key + "' in cache '" + first.cacheName
            + "' would wait forever: its fetch waits, through other threads, for this thread. Chain of fetches,"
            + " each waiting for the next: " + chain + " (this thread)");
      }
      flight = WAITING.get(fetching);
      if (flight == null) {
        return null;
      }
      chain.append(" -> ").append(flight.describe());
    }
    return null;
  }

  static IllegalStateException selfWait(Flight<?> flight) {
    return new IllegalStateException("getOrFetch of key '" + flight.key + "' in cache '" + flight.cacheName
        + "' was called again from inside its own fetcher; this would wait for itself forever. Fetch the value"
        + " directly instead.");
  }
}
