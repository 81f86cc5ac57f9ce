package dev.cachefn;

/**
 * A source of nanosecond time for expiration. Production code uses {@link #system()}; tests pass a ticker
 * they advance by hand, so that TTL behaviour is deterministic.
 */
@FunctionalInterface
public interface Ticker {

  /** Returns the current time in nanoseconds; only differences between readings matter. */
  long read();

  /** The ticker backed by {@link System#nanoTime()}. */
  static Ticker system() {
    return System::nanoTime;
  }
}
