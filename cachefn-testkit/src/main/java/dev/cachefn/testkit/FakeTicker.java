package dev.cachefn.testkit;

import dev.cachefn.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that only moves when a test calls {@link #advance(Duration)}, so that TTL behaviour is
 * deterministic and no test has to sleep. Thread-safe. Not final, so that a test can make it a bean (a CDI
 * application's {@code Ticker} bean is the clock of its caches).
 */
public class FakeTicker implements Ticker {

  private final AtomicLong nanos;

  /** Starts at an arbitrary non-zero time: only differences between readings may matter. */
  public FakeTicker() {
    this(1_234_567_890_123L);
  }

  /** Starts at {@code startNanos}, which may be any value ({@code System.nanoTime()} may be negative or wrap). */
  public FakeTicker(long startNanos) {
    this.nanos = new AtomicLong(startNanos);
  }

  @Override
  public long read() {
    return nanos.get();
  }

  /** Moves time forward by {@code duration}; returns this for chaining. */
  public FakeTicker advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    return this;
  }
}
