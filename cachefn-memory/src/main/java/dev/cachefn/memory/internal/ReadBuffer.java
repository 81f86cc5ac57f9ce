package dev.cachefn.memory.internal;

import dev.cachefn.spi.ThreadStripes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Records reads without a lock, for the engine to replay into its eviction order later.
 *
 * <p>Two costs matter on a multi-core machine, and both are cache lines moving between cores: a write to a
 * line another core reads, and a drain that reads what other cores wrote. Recording a read therefore
 * writes only lines of the reading thread, and drains are rare (every {@value #STRIPE_CAPACITY} recorded
 * reads of a thread at most).
 *
 * <p>The buffer is a few stripes (as many as {@link ThreadStripes#count()}), each a ring that belongs to one
 * thread: the first thread that records into a free stripe claims it (a stripe whose owner has died is free
 * again). Only the owner writes a stripe, so recording a read is two plain stores and a release store into
 * memory no other core writes: no CAS, no shared counter. The drainer (the thread holding the engine's lock)
 * empties every stripe. A thread that owns no stripe (more threads than stripes) is told to apply its read
 * under the lock, if the lock is free.
 *
 * <p><b>Exact when alone, sampled under concurrency.</b> While one thread reads, every read is recorded
 * and replayed in order, so single-threaded use is exact LRU. When drains keep finding reads of other
 * threads than the drainer, or a reader finds the lock taken, the buffer switches to <em>sampling</em>:
 * each thread records one read in {@value #SAMPLE_PERIOD}. Replays, the lock and the moves in the shared
 * eviction order then happen that many times less often, which is what lets reads scale with cores; recency
 * becomes approximate (a read that was not recorded only makes its entry look older than it is).
 * {@value #QUIET_DRAINS} drains in a row that find only the drainer's own reads switch back to exact
 * recording.
 */
final class ReadBuffer<E> {

  static final int STRIPE_CAPACITY = 64;
  static final int SAMPLE_PERIOD = 32;
  private static final int STRIPE_MASK = STRIPE_CAPACITY - 1;
  private static final int SAMPLE_MASK = SAMPLE_PERIOD - 1;
  private static final int PROBES = 4;
  static final int QUIET_DRAINS = 16;
  private static final VarHandle STRIPES = MethodHandles.arrayElementVarHandle(Stripe[].class);

  /** Lazily created, claimed by CAS; {@code null} until a thread hashes there. */
  private final @Nullable Stripe[] stripes;
  private final int stripeMask;
  /** Lookups counted by threads that own no stripe. */
  private final LongAdder strayHits = new LongAdder();
  private final LongAdder strayMisses = new LongAdder();
  /** Whether reads are sampled; written rarely (only when it changes), read by every recording. */
  private volatile boolean sampling;
  /** Consecutive drains that found reads of other threads, and that found none; touched by the drainer only. */
  private int foreignDrains;
  private int quietDrains;

  ReadBuffer() {
    int count = ThreadStripes.count();
    stripes = new Stripe[count];
    stripeMask = count - 1;
  }

  /**
   * Records {@code element} for the calling thread. Returns {@code true} if it was recorded, or dropped on
   * purpose because reads are being sampled; {@code false} if the caller must drain the buffer and apply
   * the read itself under the lock (its stripe is full, or it has none).
   */
  boolean offer(E element) {
    return offer(element, false);
  }

  /** Like {@link #offer}, and counts the read as a hit of the counted lookups (see {@link #hits()}). */
  boolean offerHit(E element) {
    return offer(element, true);
  }

  private boolean offer(E element, boolean hit) {
    Thread thread = Thread.currentThread();
    Stripe stripe = stripes[indexOf(thread)];
    if (stripe != null && stripe.owner == thread) {
      return stripe.offer(element, sampling, hit);
    }
    return offerAwayFromHome(thread, element, hit);
  }

  /** {@link #offer} for a thread whose home stripe is not its own: kept out of the inlined hit path. */
  private boolean offerAwayFromHome(Thread thread, E element, boolean hit) {
    Stripe stripe = find(thread);
    if (stripe == null) {
      if (hit) {
        strayHits.increment();
      }
      return sampling && ThreadLocalSampler.skip();
    }
    return stripe.offer(element, sampling, hit);
  }

  /** Counts one hit of the counted lookups, as {@link #offerHit} does, without recording a read. */
  void countHit() {
    Thread thread = Thread.currentThread();
    Stripe stripe = stripes[indexOf(thread)];
    if (stripe != null && stripe.owner == thread) {
      stripe.countHit();
    } else {
      count(1, 0);
    }
  }

  /**
   * Counts lookups in the calling thread's stripe, next to its reads, so that counting a hit costs no
   * lookup of its own: a miss, or a batch of hits and misses the cache counted itself. A thread that owns
   * no stripe counts in a shared adder.
   */
  void count(long hits, long misses) {
    Stripe stripe = find(Thread.currentThread());
    if (stripe == null) {
      strayHits.add(hits);
      strayMisses.add(misses);
      return;
    }
    stripe.count(hits, misses);
  }

  /** The hits counted by {@link #offerHit} and {@link #count} since the buffer was made. */
  long hits() {
    return strayHits.sum() + sum(Stripe::hits);
  }

  /** The misses counted by {@link #count} since the buffer was made. */
  long misses() {
    return strayMisses.sum() + sum(Stripe::misses);
  }

  private long sum(ToLongFunction<Stripe> count) {
    long sum = 0;
    for (Stripe stripe : stripes) {
      if (stripe != null) {
        sum += count.applyAsLong(stripe);
      }
    }
    return sum;
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
    // Two drains in a row with other threads' reads mean concurrent use (one is not enough, so that a thread
    // taking over a cache another thread used before does not start sampled). Going back to exact takes
    // QUIET_DRAINS drains with only the drainer's reads, so that a reader descheduled for a moment does not
    // flip every thread back to recording everything.
    if (foreign) {
      quietDrains = 0;
      foreignDrains = Math.min(foreignDrains + 1, 2);
    } else {
      foreignDrains = 0;
      quietDrains = Math.min(quietDrains + 1, QUIET_DRAINS);
    }
    boolean sample = sampling ? quietDrains < QUIET_DRAINS : foreignDrains >= 2;
    if (sample != sampling) {
      sampling = sample;
    }
  }

  /** Forgets every recorded element; the caller holds the engine's lock. */
  void discard() {
    drainTo(element -> { });
  }

  private int indexOf(Thread thread) {
    return ThreadStripes.home(thread, stripeMask);
  }

  /** The stripe {@code thread} owns (its home stripe or one near it), else one it can claim, else null. */
  private @Nullable Stripe find(Thread thread) {
    int index = indexOf(thread);
    Stripe stripe = stripes[index];
    return stripe != null && stripe.owner == thread ? stripe : find(thread, index);
  }

  /**
   * The stripe {@code thread} owns near {@code index} (its home stripe was taken by another thread), else
   * one it can claim, else {@code null}. Looking reads only the owners, which sit on a cache line of their
   * own, away from the counters their threads write on every read.
   */
  private @Nullable Stripe find(Thread thread, int index) {
    for (int probe = 1; probe < PROBES; probe++) {
      Stripe stripe = stripes[(index + probe) & stripeMask];
      if (stripe != null && stripe.owner == thread) {
        return stripe;
      }
    }
    return claim(thread, index);
  }

  /** A stripe near {@code index} that {@code thread} claims: a new one, or one whose owner died. */
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

  /** What other threads read: the owner (when looking for their own stripe) and the slots (the drainer). */
  private static class StripeOwner extends StripePadding {
    volatile Thread owner;
    final Object[] slots = new Object[STRIPE_CAPACITY];
  }

  /** Keeps the owner's line apart from the counters the owning thread writes on every read. */
  @SuppressWarnings("unused")
  private static class StripeMiddlePadding extends StripeOwner {
    long m00, m01, m02, m03, m04, m05, m06, m07;
  }

  /** The ring's cursors, written by the owner except {@code head} (written by the drainer). */
  private static class StripeCursors extends StripeMiddlePadding {
    volatile long head;
    long tail;
    /** Reads the owner has seen, recorded or not: the sampling clock. */
    long reads;
    /** Counted lookups of the owner (see {@link ReadBuffer#count}); written by the owner only. */
    long hits;
    long misses;
  }

  /** One thread's ring of recorded reads. */
  @SuppressWarnings("unused")
  private static final class Stripe extends StripeCursors {
    private static final VarHandle TAIL;
    private static final VarHandle HITS;
    private static final VarHandle MISSES;
    private static final VarHandle OWNER;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TAIL = lookup.findVarHandle(StripeCursors.class, "tail", long.class);
        HITS = lookup.findVarHandle(StripeCursors.class, "hits", long.class);
        MISSES = lookup.findVarHandle(StripeCursors.class, "misses", long.class);
        OWNER = lookup.findVarHandle(StripeOwner.class, "owner", Thread.class);
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
    boolean offer(Object element, boolean sampling, boolean hit) {
      long seen = ++reads;
      if (hit) {
        HITS.setOpaque(this, hits + 1); // one writer: no atomic read-modify-write; opaque for hits()
      }
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

    /** Called by the owner only. */
    void countHit() {
      HITS.setOpaque(this, hits + 1);
    }

    /** Called by the owner only. */
    void count(long hitCount, long missCount) {
      HITS.setOpaque(this, hits + hitCount);
      MISSES.setOpaque(this, misses + missCount);
    }

    long hits() {
      return (long) HITS.getOpaque(this);
    }

    long misses() {
      return (long) MISSES.getOpaque(this);
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
