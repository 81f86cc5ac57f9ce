package dev.cachefn.benchmarks.memoize;

import dev.cachefn.benchmarks.ThreadCursor;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 8: a {@code @Memoize} hit through Weld SE's interceptor ({@code memoized}), against the method
 * body called directly without any cache ({@code direct}) and the body caching by hand in Caffeine
 * ({@code caffeineByHand}); {@code memoizedTagged} is the same hit of a method whose tag template reads the
 * argument (rendered only when a result is stored). Two rows split the {@code @Memoize} figure: the body called through the
 * application-scoped bean's client proxy with no interceptor ({@code weldProxy}), and through an interceptor
 * that only proceeds ({@code weldPassThrough}); {@code memoized} minus {@code weldPassThrough} is CacheFn's
 * part. Every measured target is {@code @CompilerControl(DONT_INLINE)}, so each row pays one real call.
 * 1,024 distinct arguments, all cached in the setup, walked by a per-thread cursor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class MemoizeBenchmark {

  static final int IDS = 1 << 10;

  String[] ids;
  SeContainer container;
  MemoizedUsers memoized;
  Users users;

  @Setup
  public void setup() {
    ids = new String[IDS];
    for (int i = 0; i < IDS; i++) {
      ids[i] = Integer.toString(i);
    }
    SeContainerInitializer initializer = SeContainerInitializer.newInstance().disableDiscovery();
    // the extensions the jars declare, cachefn-cdi's among them: its class is internal to that module
    ServiceLoader.load(Extension.class).forEach(extension -> initializer.addExtensions(extension));
    container = initializer
        .addBeanClasses(MemoizedUsers.class, PassThroughInterceptor.class)
        .initialize();
    memoized = container.select(MemoizedUsers.class).get();
    users = new Users(2 * IDS);
    for (String id : ids) {
      if (!memoized.find(id).equals(users.findCachedByHand(id)) || !memoized.findTagged(id).equals(memoized.find(id))) {
        throw new AssertionError("the memoized and the hand-cached results differ for " + id);
      }
    }
  }

  @TearDown
  public void tearDown() {
    container.close();
  }

  @Benchmark
  public String memoized(ThreadCursor cursor) {
    return memoized.find(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String memoizedTagged(ThreadCursor cursor) {
    return memoized.findTagged(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String weldProxy(ThreadCursor cursor) {
    return memoized.findThroughProxy(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String weldPassThrough(ThreadCursor cursor) {
    return memoized.findPassedThrough(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String direct(ThreadCursor cursor) {
    return users.find(ids[cursor.index++ & (IDS - 1)]);
  }

  @Benchmark
  public String caffeineByHand(ThreadCursor cursor) {
    return users.findCachedByHand(ids[cursor.index++ & (IDS - 1)]);
  }
}
