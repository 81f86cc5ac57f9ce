package dev.cachefn.benchmarks;

import java.util.SplittableRandom;

/**
 * A scrambled Zipf distribution over {@code [0, items)}: a Zipf(θ) draw over a huge key space (Gray et al.,
 * "Quickly generating billion-record synthetic databases", SIGMOD '94), hashed with 64-bit FNV-1a and
 * reduced modulo {@code items}, so that the popular values are spread over the range instead of being the
 * smallest numbers. This is the distribution of YCSB's scrambled Zipfian generator, which Caffeine's JMH
 * suite uses; written here from the published method. Deterministic for a given seed.
 */
public final class ScrambledZipf {

  /** The Zipf exponent YCSB and Caffeine use. */
  public static final double THETA = 0.99;

  /** The size of the underlying Zipf key space before scrambling. */
  public static final long KEY_SPACE = 10_000_000_000L;

  private static final long FNV_OFFSET_BASIS = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  private final long items;
  private final SplittableRandom random;
  private final double alpha;
  private final double zetaN;
  private final double eta;
  private final double halfPowTheta;

  public ScrambledZipf(long items, long seed) {
    if (items < 1) {
      throw new IllegalArgumentException("items must be at least 1, got " + items);
    }
    this.items = items;
    this.random = new SplittableRandom(seed);
    this.alpha = 1.0 / (1.0 - THETA);
    this.zetaN = zeta(KEY_SPACE, THETA);
    double zeta2 = zeta(2, THETA);
    this.eta = (1 - Math.pow(2.0 / KEY_SPACE, 1 - THETA)) / (1 - zeta2 / zetaN);
    this.halfPowTheta = Math.pow(0.5, THETA);
  }

  /** The next value, in {@code [0, items)}. */
  public long next() {
    return Long.remainderUnsigned(fnv1a(nextZipf()) & Long.MAX_VALUE, items);
  }

  /** A Zipf draw over {@code [0, KEY_SPACE)}: 0 is the most popular rank. */
  long nextZipf() {
    double u = random.nextDouble();
    double uz = u * zetaN;
    if (uz < 1.0) {
      return 0;
    }
    if (uz < 1.0 + halfPowTheta) {
      return 1;
    }
    return (long) (KEY_SPACE * Math.pow(eta * u - eta + 1, alpha));
  }

  /**
   * The generalized harmonic number {@code H(n, θ) = Σ_{i=1..n} i^-θ}: summed exactly up to 10^6 and by the
   * Euler–Maclaurin formula beyond (its error there is far below a double's precision).
   */
  static double zeta(long n, double theta) {
    long exact = Math.min(n, 1_000_000L);
    double sum = 0;
    for (long i = exact; i >= 1; i--) {
      sum += Math.pow(i, -theta);
    }
    if (n == exact) {
      return sum;
    }
    double a = exact;
    double b = n;
    // Σ_{i=a+1..b} f(i) = ∫_a^b f + (f(b) - f(a)) / 2 + (f'(b) - f'(a)) / 12 - ...
    double integral = (Math.pow(b, 1 - theta) - Math.pow(a, 1 - theta)) / (1 - theta);
    double ends = (Math.pow(b, -theta) - Math.pow(a, -theta)) / 2;
    double slopes = (-theta * Math.pow(b, -theta - 1) + theta * Math.pow(a, -theta - 1)) / 12;
    return sum + integral + ends + slopes;
  }

  private static long fnv1a(long value) {
    long hash = FNV_OFFSET_BASIS;
    for (int i = 0; i < 8; i++) {
      hash ^= value & 0xFF;
      hash *= FNV_PRIME;
      value >>>= 8;
    }
    return hash;
  }
}
