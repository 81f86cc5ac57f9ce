package dev.cachefn.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link ReadWriteBenchmark}'s {@code read} or {@code write} on one thread, timed in that thread's own CPU
 * time instead of wall-clock time: for a machine busy with other work, where a thread's time off the CPU
 * makes JMH's figures meaningless. Same keys and the same pre-filled cache as the benchmark. Prints the CPU
 * nanoseconds per operation of each measured window and their median. Run one JVM per implementation (as
 * JMH forks do), so that each loop's call sites see one cache class:
 *
 * <pre>java -cp benchmarks.jar dev.cachefn.benchmarks.CpuTimeLoop read|write IMPL [ops] [warmups] [windows]</pre>
 *
 * <p>What it cannot see: work a cache hands to other threads (Caffeine's maintenance) is not counted, as an
 * idle machine with a spare core would not make the reader wait for it either.
 */
public final class CpuTimeLoop {

  private static int sink;

  private CpuTimeLoop() {}

  public static void main(String[] args) {
    if (args.length < 2 || !(args[0].equals("read") || args[0].equals("write"))) {
      throw new IllegalArgumentException("usage: read|write IMPL [ops] [warmups] [windows]");
    }
    boolean read = args[0].equals("read");
    BenchCache cache = CacheType.valueOf(args[1]).create(Keys.CAPACITY);
    int ops = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    int windows = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    String[] keys = Keys.zipf();
    ReadWriteBenchmark.prefill(cache, keys);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] nanosPerOp = new double[windows];
    int index = 0;
    for (int window = -warmups; window < windows; window++) {
      long start = threads.getCurrentThreadCpuTime();
      index = read ? read(cache, keys, index, ops) : write(cache, keys, index, ops);
      long spent = threads.getCurrentThreadCpuTime() - start;
      if (window >= 0) {
        nanosPerOp[window] = (double) spent / ops;
      }
    }
    double[] sorted = nanosPerOp.clone();
    Arrays.sort(sorted);
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s median %.2f ns/op cpu; windows",
        args[0], args[1], sorted[windows / 2]));
    for (double value : nanosPerOp) {
      line.append(String.format(Locale.ROOT, " %.1f", value));
    }
    System.out.println(line);
    cache.close();
    if (sink == 42) {
      System.out.println(); // keeps the reads' results alive
    }
  }

  private static int read(BenchCache cache, String[] keys, int index, int ops) {
    int found = 0;
    for (int i = 0; i < ops; i++) {
      if (cache.get(keys[index++ & Keys.MASK]) != null) {
        found++;
      }
    }
    sink += found;
    return index;
  }

  private static int write(BenchCache cache, String[] keys, int index, int ops) {
    for (int i = 0; i < ops; i++) {
      cache.put(keys[index++ & Keys.MASK], Boolean.TRUE);
    }
    return index;
  }
}
