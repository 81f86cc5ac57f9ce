package dev.cachefn.contract;

import dev.cachefn.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that only moves when a test advances it, so that TTL behaviour is deterministic. */
final class FakeTicker implements Ticker {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  public long read() {
    return nanos.get();
  }

  /** Moves time forward by {@code duration}. */
  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
