package dev.cachefn;

/** A registered listener; {@link #close()} removes it. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Removes the listener; events already being delivered may still reach it. */
  @Override
  void close();
}
