package dev.cachefn.spi;

/**
 * How per-thread state on a hot path is spread over stripes, so that threads write to memory of their own:
 * how many stripes to keep and which one a thread tries first. The cache's statistics counters and the
 * memory storage's read buffer both follow it; a storage with per-thread state of its own may too.
 */
public final class ThreadStripes {

  private static final int COUNT = count(Runtime.getRuntime().availableProcessors());

  private ThreadStripes() {}

  /**
   * The stripes to keep in this JVM: {@link #count(int)} of its available processors, read once.
   *
   * @return a power of two from 8 to 64
   */
  public static int count() {
    return COUNT;
  }

  /**
   * The stripes to keep for {@code processors}: about four per processor, rounded up to a power of two,
   * at least 8 and at most 64. Well more stripes than threads running at once makes two busy threads
   * rarely share a stripe (a thread whose stripe is taken looks a few further); the cap bounds the memory a
   * striped object takes on a large machine, each stripe being a few cache lines.
   *
   * @return a power of two from 8 to 64
   */
  public static int count(int processors) {
    int cores = Math.max(1, processors);
    return Math.min(64, Math.max(8, Integer.highestOneBit(cores * 4 - 1) << 1));
  }

  /**
   * The stripe {@code thread} tries first among {@code mask + 1} stripes ({@code mask + 1} a power of two): a
   * hash of its id, so that threads made one after another land apart.
   */
  public static int home(Thread thread, int mask) {
    return (int) ((thread.getId() * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }
}
