package dev.cachefn.internal;

import java.util.ArrayList;
import java.util.List;

/** A {@link FlightTimer} whose scheduled actions run only when a test fires them: timeouts without sleeping. */
final class ManualTimer implements FlightTimer {

  private final List<Runnable> pending = new ArrayList<>();

  @Override
  public synchronized Runnable schedule(long nanos, Runnable action) {
    pending.add(action);
    return () -> {
      synchronized (this) {
        pending.remove(action);
      }
    };
  }

  /** How many scheduled actions are neither fired nor cancelled. */
  synchronized int pending() {
    return pending.size();
  }

  /** Runs every pending action, as if all their delays had passed. */
  void fireAll() {
    List<Runnable> due;
    synchronized (this) {
      due = new ArrayList<>(pending);
      pending.clear();
    }
    due.forEach(Runnable::run);
  }

  /** Waits (spinning; the test's own timeout bounds it) until at least {@code count} actions are pending. */
  void awaitPending(int count) {
    while (pending() < count) {
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
