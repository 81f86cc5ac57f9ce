package dev.cachefn.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded polling for what happens in its own time (a remote storage's expiry, a reconnection): a test waits
 * until a condition holds, at most a limit, instead of sleeping a fixed time.
 */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(10);

  private Await() {}

  /**
   * Returns once {@code condition} holds, checking it every 10 ms.
   *
   * @param what what is awaited, for the failure message
   * @throws AssertionError if it does not hold within {@code limit}
   */
  public static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      pause(POLL);
    }
  }

  /**
   * Lets other threads run for {@code time}; for a test that must give threads a chance to arrive somewhere it
   * cannot observe. Keeps the interrupt flag and fails if interrupted.
   */
  public static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pausing", e);
    }
  }
}
