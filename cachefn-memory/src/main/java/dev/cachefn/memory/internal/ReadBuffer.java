package dev.cachefn.memory.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Records reads without a lock, for the engine to replay into its eviction order later.
 *
 * <p>The buffer is a few stripes, each a ring that belongs to one thread: the first thread that records
 * into a free stripe claims it (a stripe whose owner has died is free again). Only the owner writes a
 * stripe, so recording a read is two plain stores and a release store into memory no other core writes:
 * no CAS, no shared counter. The drainer (the thread holding the engine's lock) empties every stripe.
 * A thread that owns no stripe (more threads than stripes) is told to apply its read under the lock, if
 * the lock is free.
 *
 * <p><b>Exact when alone, sampled under concurrency.</b> While one thread reads, every read is recorded
 * and replayed in order, so single-threaded use is exact LRU. When drains keep finding reads of other
 * threads than the drainer, or a reader finds the lock taken, the buffer switches to <em>sampling</em>:
 * each thread records one read in {@value #SAMPLE_PERIOD}. Replays, the lock and the moves in the shared
 * eviction order then happen 16 times less often, which is what lets reads scale with cores; recency
 * becomes approximate (a read that was not recorded only makes its entry look older than it is). A drain
 * that finds only its own thread's reads switches back to exact recording.
 */
final class ReadBuffer<E> {

  static final int STRIPE_CAPACITY = 16;
  static final int SAMPLE_PERIOD = 16;
  private static final int STRIPE_MASK = STRIPE_CAPACITY - 1;
  private static final int SAMPLE_MASK = SAMPLE_PERIOD - 1;
  private static final int PROBES = 4;
  private static final VarHandle STRIPES = MethodHandles.arrayElementVarHandle(Stripe[].class);

  /** Lazily created, claimed by CAS; {@code null} until a thread hashes there. */
  private final @Nullable Stripe[] stripes;
  private final int stripeMask;
  /** Whether reads are sampled; written rarely (only when it changes), read by every recording. */
  private volatile boolean sampling;
  /** Consecutive drains that found reads of other threads; touched only by the drainer. */
  private int foreignDrains;

  ReadBuffer() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    int count = Math.min(64, Math.max(8, Integer.highestOneBit(cores * 4 - 1) << 1));
    stripes = new Stripe[count];
    stripeMask = count - 1;
  }

  /**
   * Records {@code element} for the calling thread. Returns {@code true} if it was recorded, or dropped on
   * purpose because reads are being sampled; {@code false} if the caller must drain the buffer and apply
   * the read itself under the lock (its stripe is full, or it has none).
   */
  boolean offer(E element) {
    Thread thread = Thread.currentThread();
    int index = indexOf(thread);
    Stripe stripe = stripes[index];
    if (stripe == null || stripe.owner != thread) {
      stripe = claim(thread, index);
      if (stripe == null) {
        return sampling && ThreadLocalSampler.skip();
      }
    }
    return stripe.offer(element, sampling);
  }

  /** Notes that a reader found the lock taken: other threads are at work, so start sampling. */
  void contended() {
    if (!sampling) {
      sampling = true;
    }
  }

  boolean isSampling() {
    return sampling;
  }

  /**
   * Hands every recorded element to {@code action}, stripe by stripe, each stripe in recording order, and
   * decides whether to sample from now on. The caller holds the engine's lock.
   */
  @SuppressWarnings("unchecked")
  void drainTo(Consumer<? super E> action) {
    Thread drainer = Thread.currentThread();
    boolean foreign = false;
    for (Stripe stripe : stripes) {
      if (stripe != null && stripe.drainTo((Consumer<Object>) action) && stripe.owner != drainer) {
        foreign = true;
      }
    }
    // two drains in a row with other threads' reads: concurrent use. One drain is not enough, so that a
    // thread taking over a cache another thread used before does not start sampled.
    foreignDrains = foreign ? Math.min(foreignDrains + 1, 2) : 0;
    boolean sample = foreignDrains >= 2;
    if (sample != sampling) {
      sampling = sample;
    }
  }

  /** Forgets every recorded element; the caller holds the engine's lock. */
  void discard() {
    drainTo(element -> { });
  }

  private int indexOf(Thread thread) {
    return (int) ((thread.getId() * 0x9E3779B97F4A7C15L) >>> 40) & stripeMask;
  }

  /** The stripe {@code thread} owns or can claim near {@code index}, or {@code null}. */
  private @Nullable Stripe claim(Thread thread, int index) {
    for (int probe = 0; probe < PROBES; probe++) {
      int at = (index + probe) & stripeMask;
      Stripe stripe = stripes[at];
      if (stripe == null) {
        Stripe created = new Stripe(thread);
        if (STRIPES.compareAndSet(stripes, at, (Stripe) null, created)) {
          return created;
        }
        stripe = stripes[at];
      }
      if (stripe.claim(thread)) {
        return stripe;
      }
    }
    return null;
  }

  /** Padding before a stripe's fields, so that stripes of different threads share no cache line. */
  @SuppressWarnings("unused")
  private static class StripePadding {
    long p00, p01, p02, p03, p04, p05, p06, p07;
  }

  /** The fields of a stripe, written by its owner except {@code head} (written by the drainer). */
  private static class StripeFields extends StripePadding {
    volatile long head;
    long tail;
    /** Reads the owner has seen, recorded or not: the sampling clock. */
    long reads;
    volatile Thread owner;
    final Object[] slots = new Object[STRIPE_CAPACITY];
  }

  /** One thread's ring of recorded reads. */
  @SuppressWarnings("unused")
  private static final class Stripe extends StripeFields {
    private static final VarHandle TAIL;
    private static final VarHandle OWNER;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TAIL = lookup.findVarHandle(StripeFields.class, "tail", long.class);
        OWNER = lookup.findVarHandle(StripeFields.class, "owner", Thread.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    long q00, q01, q02, q03, q04, q05, q06, q07;

    Stripe(Thread owner) {
      this.owner = owner;
    }

    /** Claims this stripe for {@code thread} if it is its owner already or the owner has died. */
    boolean claim(Thread thread) {
      Thread current = owner;
      if (current == thread) {
        return true;
      }
      // a dead thread's last writes happen-before isAlive() returning false, so its tail is safe to take
      return !current.isAlive() && OWNER.compareAndSet(this, current, thread);
    }

    /** Called by the owner only. */
    boolean offer(Object element, boolean sampling) {
      long seen = ++reads;
      if (sampling && (seen & SAMPLE_MASK) != 0) {
        return true;
      }
      long t = tail;
      if (t - head >= STRIPE_CAPACITY) {
        return false;
      }
      slots[(int) (t & STRIPE_MASK)] = element;
      TAIL.setRelease(this, t + 1); // publishes the slot to the drainer
      return true;
    }

    /** Called by the drainer under the engine's lock; returns whether there was anything. */
    boolean drainTo(Consumer<Object> action) {
      long h = head;
      long t = (long) TAIL.getAcquire(this);
      if (h == t) {
        return false;
      }
      for (; h != t; h++) {
        int index = (int) (h & STRIPE_MASK);
        Object element = slots[index];
        slots[index] = null;
        action.accept(element);
      }
      head = h; // volatile: the owner may reuse the slots
      return true;
    }
  }

  /** Sampling for threads that own no stripe, on the thread's own random generator (no shared state). */
  private static final class ThreadLocalSampler {
    private ThreadLocalSampler() {}

    static boolean skip() {
      return (java.util.concurrent.ThreadLocalRandom.current().nextInt() & SAMPLE_MASK) != 0;
    }
  }
}
