package dev.cachefn.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Deterministic helpers for tests that start threads: bounded waits only, never sleeps. */
final class Concurrency {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Concurrency() {}

  /** Awaits {@code latch}, failing (instead of hanging) after {@link #TIMEOUT}. */
  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("latch not released within " + TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Polls, in a bounded loop, until every thread of {@code threads} is parked waiting for a
   * {@link CompletableFuture} (the shared result of a running fetch), with or without a deadline. Fails after
   * {@link #TIMEOUT}.
   */
  static void awaitAllWaitingOnFuture(Collection<Thread> threads) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!threads.stream().allMatch(Concurrency::isWaitingOnFuture)) {
      if (System.nanoTime() - deadline > 0) {
        List<String> states = new ArrayList<>();
        threads.forEach(t -> states.add(t.getName() + "=" + t.getState()));
        throw new AssertionError("not every caller waits for the running fetch: " + states);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static boolean isWaitingOnFuture(Thread thread) {
    Thread.State state = thread.getState();
    if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) { // waits are bounded by the fetch timeout
      return false;
    }
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().startsWith(CompletableFuture.class.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Starts a thread that runs {@code task}. */
  static Thread start(String name, FutureTask<?> task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The task's result, failing after {@link #TIMEOUT}; a task failure is rethrown as its cause. */
  static <T> T result(FutureTask<T> task) throws Throwable {
    try {
      return task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("task did not finish within " + TIMEOUT, e);
    }
  }

  /** What the task threw, failing if it completed normally or not within {@link #TIMEOUT}. */
  static Throwable failure(FutureTask<?> task) throws Exception {
    try {
      Object value = task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("task did not finish within " + TIMEOUT, e);
    }
  }

  /** Joins every thread, failing if one is still alive after {@link #TIMEOUT}. */
  static void joinAll(Collection<Thread> threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(TIMEOUT.toMillis());
      if (thread.isAlive()) {
        throw new AssertionError(thread.getName() + " still running after " + TIMEOUT);
      }
    }
  }

  /** What the stage failed with (unwrapped), failing if it succeeded or did not complete in time. */
  static Throwable failureOf(CompletionStage<?> stage) throws Exception {
    try {
      Object value = stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failed stage, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("stage did not complete within " + TIMEOUT, e);
    }
  }

  /** The stage's value, failing if it failed or did not complete in time. */
  static <T> T valueOf(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Throws {@code failure} even if it is a checked exception, as a Kotlin function can. */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }
}
