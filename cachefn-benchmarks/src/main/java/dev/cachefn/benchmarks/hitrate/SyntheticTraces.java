package dev.cachefn.benchmarks.hitrate;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic access traces made from a fixed seed: a held-out check of the adaptive policy beside the shared
 * traces, on workloads of known shape that no constant was chosen on. Each is replayed by
 * {@link HitRateReport#replay} and printed in the same table form.
 *
 * <ul>
 *   <li>{@code zipf-S}: independent draws from a Zipf distribution of exponent {@code S} (0.6 to 1.2) over
 *       100,000 keys: frequency is all there is.
 *   <li>{@code loop}: the same 5,000 keys over and over in one order: LRU misses every access of a smaller
 *       cache.
 *   <li>{@code zipf-scans}: Zipf 0.9 over 50,000 keys, interrupted every 50,000 accesses by a scan of 10,000
 *       keys never seen before.
 *   <li>{@code zipf-shift}: Zipf 0.9 over one set of 50,000 keys, then over a disjoint set, then the first
 *       again: what was popular stops being used at once.
 *   <li>{@code recency}: each access goes to a key first used a short, exponentially distributed time ago
 *       (mean 500 new keys back) in a stream that keeps introducing keys: what pays is recency, and counts
 *       mislead.
 * </ul>
 *
 * <pre>
 * java -cp cachefn-benchmarks/target/benchmarks.jar dev.cachefn.benchmarks.hitrate.SyntheticTraces [POLICY ...]
 * </pre>
 */
public final class SyntheticTraces {

  /** The seed of every generator: the traces are the same on every run. */
  static final long SEED = 17;
  private static final int ACCESSES = 500_000;

  /** A synthetic trace and the capacities it is replayed at. */
  record Workload(Trace trace, int[] capacities) {}

  private SyntheticTraces() {}

  public static void main(String[] args) {
    List<Policy> policies = new ArrayList<>();
    for (String name : args) {
      policies.add(Policy.named(name));
    }
    if (policies.isEmpty()) {
      policies.addAll(List.of(Policy.values()));
    }
    policies.sort(null);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (Workload workload : workloads()) {
      System.err.printf(Locale.ROOT, "replaying %s at %s ...%n",
          workload.trace().name(), Arrays.toString(workload.capacities()));
      out.println(HitRateReport.markdown(HitRateReport.replay(workload.trace(), workload.capacities(), policies), null));
    }
  }

  /** Every synthetic workload, in a fixed order. */
  static List<Workload> workloads() {
    List<Workload> workloads = new ArrayList<>();
    for (double exponent : new double[] {0.6, 0.8, 1.0, 1.2}) {
      workloads.add(new Workload(zipf(exponent), new int[] {500, 2_000, 10_000}));
    }
    workloads.add(new Workload(loop(5_000), new int[] {1_000, 2_500, 4_000, 6_000}));
    workloads.add(new Workload(zipfWithScans(), new int[] {1_000, 5_000}));
    workloads.add(new Workload(zipfShift(), new int[] {1_000, 5_000}));
    workloads.add(new Workload(recency(), new int[] {250, 1_000, 4_000}));
    return workloads;
  }

  static Trace zipf(double exponent) {
    Zipf zipf = new Zipf(100_000, exponent, new SplittableRandom(SEED));
    long[] keys = new long[ACCESSES];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = scramble(zipf.next());
    }
    return TraceReader.of(String.format(Locale.ROOT, "zipf-%.1f", exponent), keys);
  }

  static Trace loop(int length) {
    long[] keys = new long[ACCESSES];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = scramble(i % length);
    }
    return TraceReader.of("loop", keys);
  }

  static Trace zipfWithScans() {
    Zipf zipf = new Zipf(50_000, 0.9, new SplittableRandom(SEED));
    long[] keys = new long[ACCESSES];
    long fresh = 1L << 40; // scanned keys: never drawn from the Zipf's range
    for (int i = 0; i < keys.length; ) {
      for (int j = 0; j < 50_000 && i < keys.length; j++) {
        keys[i++] = scramble(zipf.next());
      }
      for (int j = 0; j < 10_000 && i < keys.length; j++) {
        keys[i++] = scramble(fresh++);
      }
    }
    return TraceReader.of("zipf-scans", keys);
  }

  static Trace zipfShift() {
    Zipf zipf = new Zipf(50_000, 0.9, new SplittableRandom(SEED));
    long[] keys = new long[ACCESSES];
    for (int i = 0; i < keys.length; i++) {
      long offset = i >= keys.length / 3 && i < 2 * keys.length / 3 ? 1L << 40 : 0;
      keys[i] = scramble(offset + zipf.next());
    }
    return TraceReader.of("zipf-shift", keys);
  }

  static Trace recency() {
    SplittableRandom random = new SplittableRandom(SEED);
    long[] keys = new long[ACCESSES];
    long newest = 0;
    for (int i = 0; i < keys.length; i++) {
      if (random.nextInt(4) == 0) {
        keys[i] = scramble(++newest); // one access in four introduces a key
      } else {
        long back = (long) (-500 * Math.log(1 - random.nextDouble()));
        keys[i] = scramble(Math.max(0, newest - back));
      }
    }
    return TraceReader.of("recency", keys);
  }

  /** Spreads consecutive numbers over the key space, so that no structure of the numbers shows in the keys. */
  private static long scramble(long value) {
    long h = value * 0x9E37_79B9_7F4A_7C15L;
    return (h ^ (h >>> 31)) & Long.MAX_VALUE;
  }

  /** Zipf draws over {@code [0, items)} by inverting the cumulative distribution (a binary search). */
  private static final class Zipf {

    private final double[] cumulative;
    private final SplittableRandom random;

    Zipf(int items, double exponent, SplittableRandom random) {
      this.random = random;
      this.cumulative = new double[items];
      double sum = 0;
      for (int rank = 0; rank < items; rank++) {
        sum += Math.pow(rank + 1, -exponent);
        cumulative[rank] = sum;
      }
    }

    long next() {
      double u = random.nextDouble() * cumulative[cumulative.length - 1];
      int rank = Arrays.binarySearch(cumulative, u);
      return rank >= 0 ? rank : Math.min(-rank - 1, cumulative.length - 1);
    }
  }
}
