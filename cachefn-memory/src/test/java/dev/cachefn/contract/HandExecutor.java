package dev.cachefn.contract;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that only queues tasks; a test runs them when it chooses, on its own thread. */
final class HandExecutor implements Executor {

  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
  }

  /** How many tasks wait to run. */
  synchronized int queued() {
    return tasks.size();
  }

  /** Runs every queued task (and those they queue) on the calling thread; returns how many ran. */
  int runAll() {
    int ran = 0;
    while (true) {
      Runnable next;
      synchronized (this) {
        next = tasks.poll();
      }
      if (next == null) {
        return ran;
      }
      next.run();
      ran++;
    }
  }
}
