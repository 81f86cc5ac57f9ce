package dev.cachefn.memory.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Records reads without a lock, for the engine to replay into its access order later: a few striped ring
 * buffers, each a bounded multi-producer queue with one consumer (the thread holding the engine's lock).
 *
 * <p>A thread always writes to the same stripe, so one thread's reads stay in order. When a stripe is full
 * the reader drains the buffers itself if the lock is free, and otherwise drops the read: under contention
 * recency becomes approximate (a dropped read only makes an entry look older), which is what keeps reads
 * free of locks. A single thread never drops anything, so single-threaded use is exact LRU.
 */
final class ReadBuffer<E> {

  static final int STRIPE_CAPACITY = 16;
  private static final int STRIPE_MASK = STRIPE_CAPACITY - 1;

  private final Stripe[] stripes;
  private final int stripeMask;

  ReadBuffer() {
    int count = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    count = Math.min(count, 64);
    stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe();
    }
    stripeMask = count - 1;
  }

  /** Records {@code element}; returns {@code false} if its stripe was full or contended. */
  boolean offer(E element) {
    return stripes[stripeOf(Thread.currentThread())].offer(element);
  }

  /** Hands every recorded element to {@code action}, stripe by stripe; caller holds the engine's lock. */
  @SuppressWarnings("unchecked")
  void drainTo(Consumer<? super E> action) {
    for (Stripe stripe : stripes) {
      stripe.drainTo((Consumer<Object>) action);
    }
  }

  private int stripeOf(Thread thread) {
    long id = thread.getId();
    return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & stripeMask;
  }

  /** One ring buffer. {@code tail} is claimed by CAS; {@code head} is advanced only by the drainer. */
  private static final class Stripe {
    private static final VarHandle TAIL;
    private static final VarHandle HEAD;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        TAIL = lookup.findVarHandle(Stripe.class, "tail", long.class);
        HEAD = lookup.findVarHandle(Stripe.class, "head", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    // padding keeps neighbouring stripes' counters off each other's cache lines
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06;
    private volatile long head;
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16;
    private volatile long tail;
    @SuppressWarnings("unused")
    private long p20, p21, p22, p23, p24, p25, p26;
    private final Object[] slots = new Object[STRIPE_CAPACITY];

    boolean offer(Object element) {
      long t = tail;
      if (t - head >= STRIPE_CAPACITY) {
        return false;
      }
      if (TAIL.compareAndSet(this, t, t + 1)) {
        SLOTS.setRelease(slots, (int) (t & STRIPE_MASK), element);
        return true;
      }
      return false;
    }

    void drainTo(Consumer<Object> action) {
      long h = head;
      long t = tail;
      for (; h != t; h++) {
        int index = (int) (h & STRIPE_MASK);
        Object element = SLOTS.getAcquire(slots, index);
        if (element == null) {
          break; // claimed by a reader that has not published it yet; the next drain takes it
        }
        SLOTS.setRelease(slots, index, null);
        action.accept(element);
      }
      HEAD.setRelease(this, h);
    }
  }
}
