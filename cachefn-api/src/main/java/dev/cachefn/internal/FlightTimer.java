package dev.cachefn.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The clock of {@link SingleFlight}'s bounded waits: how a waiting caller gives up and how an asynchronous
 * fetch that runs too long is abandoned. {@link #SYSTEM} waits in real time; tests pass a timer they fire by
 * hand, so that timeouts are tested without sleeping.
 */
interface FlightTimer {

  /**
   * Real time. A timed-out wait costs no thread of CacheFn's own: blocking waits park with a deadline, and
   * scheduled actions run on the JDK's {@link CompletableFuture#orTimeout} timer thread, whose task is
   * removed when cancelled. The actions complete futures; stages a caller chained to them without an
   * {@code *Async} method run on that timer thread, as with {@code orTimeout}.
   */
  FlightTimer SYSTEM = new FlightTimer() {
    @Override
    public Runnable schedule(long nanos, Runnable action) {
      CompletableFuture<Void> trigger = new CompletableFuture<>();
      trigger.orTimeout(nanos, TimeUnit.NANOSECONDS).whenComplete((ignored, failure) -> {
        if (failure instanceof TimeoutException) {
          action.run();
        }
      });
      return () -> trigger.complete(null);
    }

    @Override
    public <T> T await(CompletableFuture<T> future, long nanos)
        throws InterruptedException, ExecutionException, TimeoutException {
      return future.get(nanos, TimeUnit.NANOSECONDS);
    }
  };

  /** Runs {@code action} after {@code nanos} unless the returned handle is run first to cancel it. */
  Runnable schedule(long nanos, Runnable action);

  /**
   * Waits for {@code future} at most {@code nanos}; interruptible.
   *
   * @throws TimeoutException if the time ran out first
   */
  default <T> T await(CompletableFuture<T> future, long nanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<T> bounded = new CompletableFuture<>();
    future.whenComplete((value, failure) -> {
      if (failure != null) {
        bounded.completeExceptionally(failure);
      } else {
        bounded.complete(value);
      }
    });
    TimeoutException timedOut = new TimeoutException();
    Runnable cancel = schedule(nanos, () -> bounded.completeExceptionally(timedOut));
    try {
      return bounded.get();
    } catch (ExecutionException e) {
      if (e.getCause() == timedOut) {
        throw timedOut;
      }
      throw e;
    } finally {
      cancel.run();
    }
  }
}
