package dev.cachefn.benchmarks.arc;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.runtime.Quarkus;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code @Memoize} hit under ArC ({@code memoized}) against a {@code quarkus-cache} {@code @CacheResult} hit on
 * the same bean shape ({@code cacheResult}) and the method body called directly ({@code direct}). Two rows show
 * the container's own part: the bean called through its client proxy with no interceptor ({@code arcProxy}) and
 * through an interceptor that only proceeds ({@code arcPassThrough}). Each fork starts the Quarkus application
 * built into this module's jar in its setup. 1,024 distinct arguments, all cached in the setup, walked by a
 * per-thread cursor; every measured bean method is {@code @CompilerControl(DONT_INLINE)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ArcMemoizeBenchmark {

  static final int IDS = 1 << 10;

  /** A benchmark thread's position in the ids, starting at a random one. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = ThreadLocalRandom.current().nextInt();
  }

  String[] ids;
  Users users;
  MemoizedUsers memoized;
  CachedUsers cached;
  ContainerUsers container;

  /** Starts the application; {@code manualStart} registers a shutdown hook that stops it when the fork exits. */
  @Setup
  public void setup() {
    Quarkus.manualInitialize();
    Quarkus.manualStart();
    prepare(Arc.container());
  }

  /** Takes the beans from {@code arc} and calls each row with every id twice, checking that the second round hits. */
  void prepare(ArcContainer arc) {
    memoized = arc.instance(MemoizedUsers.class).get();
    cached = arc.instance(CachedUsers.class).get();
    container = arc.instance(ContainerUsers.class).get();
    users = new Users();
    ids = new String[IDS];
    for (int i = 0; i < IDS; i++) {
      ids[i] = Integer.toString(i);
    }
    for (int round = 0; round < 2; round++) {
      for (String id : ids) {
        String expected = users.find(id);
        check(memoized.find(id).equals(expected), "@Memoize returned another value for " + id);
        check(cached.find(id).equals(expected), "@CacheResult returned another value for " + id);
        check(container.find(id).equals(expected), "the proxy returned another value for " + id);
        check(container.findPassedThrough(id).equals(expected), "the interceptor returned another value for " + id);
      }
    }
    // the second round hit every id: each body ran once per id
    check(memoized.loads() == IDS, "@Memoize ran its body " + memoized.loads() + " times for " + IDS + " ids");
    check(cached.loads() == IDS, "@CacheResult ran its body " + cached.loads() + " times for " + IDS + " ids");
  }

  private static void check(boolean holds, String problem) {
    if (!holds) {
      throw new IllegalStateException(problem);
    }
  }

  @Benchmark
  public String memoized(Cursor cursor) {
    return memoized.find(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String cacheResult(Cursor cursor) {
    return cached.find(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String arcProxy(Cursor cursor) {
    return container.find(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String arcPassThrough(Cursor cursor) {
    return container.findPassedThrough(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String direct(Cursor cursor) {
    return users.find(ids[cursor.index++ & (IDS - 1)]);
  }
}
