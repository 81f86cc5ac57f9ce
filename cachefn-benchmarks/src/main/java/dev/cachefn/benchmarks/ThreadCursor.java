package dev.cachefn.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark thread's position in {@link Keys}: starts at a random index (drawn once, outside the measured
 * code) and advances by one per operation; read it as {@code keys[cursor.index++ & Keys.MASK]}.
 */
@State(Scope.Thread)
public class ThreadCursor {
  public int index = ThreadLocalRandom.current().nextInt();
}
