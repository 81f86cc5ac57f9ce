package dev.cachefn.internal;

import dev.cachefn.spi.ThreadStripes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A statistics counter for hot paths. Each thread that counts claims a cell of its own, which only it
 * writes, so an increment is a plain load and store into a cache line no other core writes: no atomic
 * instruction and no contention, unlike a {@link LongAdder}, whose every increment is a CAS. A cell whose
 * owner has died is claimed again (its count is kept). A thread that finds no cell to claim, because more
 * threads count than there are cells, counts in a {@link LongAdder}. How many cells, and which a thread
 * tries first: {@link ThreadStripes}.
 *
 * <p>{@link #sum()} is exact for increments that happen-before it (for example those of threads that were
 * joined, or of the calling thread); increments racing with it may or may not be included.
 */
final class Counter {

  private static final int CELLS = ThreadStripes.count();
  private static final int PROBES = 4;
  private static final VarHandle CELL_ARRAY = MethodHandles.arrayElementVarHandle(Cell[].class);

  private final @Nullable Cell[] cells = new Cell[CELLS];
  private final LongAdder overflow = new LongAdder();

  void increment() {
    Thread thread = Thread.currentThread();
    Cell cell = cells[indexOf(thread)];
    if (cell != null && cell.owner == thread) {
      cell.add(1);
    } else {
      slowAdd(thread, 1);
    }
  }

  void add(long amount) {
    Thread thread = Thread.currentThread();
    Cell cell = cells[indexOf(thread)];
    if (cell != null && cell.owner == thread) {
      cell.add(amount);
    } else {
      slowAdd(thread, amount);
    }
  }

  long sum() {
    long sum = overflow.sum();
    for (Cell cell : cells) {
      if (cell != null) {
        sum += cell.get();
      }
    }
    return sum;
  }

  private void slowAdd(Thread thread, long amount) {
    int index = indexOf(thread);
    // first the cells this thread may own already (its home cell was taken): reads only their owners,
    // which sit on a line of their own, away from the counts other threads write
    for (int probe = 1; probe < PROBES; probe++) {
      Cell cell = cells[(index + probe) & (CELLS - 1)];
      if (cell != null && cell.owner == thread) {
        cell.add(amount);
        return;
      }
    }
    for (int probe = 0; probe < PROBES; probe++) {
      int at = (index + probe) & (CELLS - 1);
      Cell cell = cells[at];
      if (cell == null) {
        Cell created = new Cell(thread);
        if (CELL_ARRAY.compareAndSet(cells, at, (Cell) null, created)) {
          created.add(amount);
          return;
        }
        cell = cells[at];
      }
      if (cell.claim(thread)) {
        cell.add(amount);
        return;
      }
    }
    overflow.add(amount);
  }

  private static int indexOf(Thread thread) {
    return ThreadStripes.home(thread, CELLS - 1);
  }

  /** Keeps a cell's fields off the cache lines of whatever the allocator put next to it. */
  @SuppressWarnings("unused")
  private static class CellPadding {
    long p00, p01, p02, p03, p04, p05, p06, p07;
  }

  private static class CellOwner extends CellPadding {
    volatile Thread owner;
  }

  /** Keeps the owner, read by other threads looking for their cell, off the line the count is on. */
  @SuppressWarnings("unused")
  private static class CellMiddlePadding extends CellOwner {
    long m00, m01, m02, m03, m04, m05, m06, m07;
  }

  private static class CellFields extends CellMiddlePadding {
    /** Written by the owner only; read by {@link Counter#sum()}. */
    long count;
  }

  @SuppressWarnings("unused")
  private static final class Cell extends CellFields {
    private static final VarHandle COUNT;
    private static final VarHandle OWNER;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        COUNT = lookup.findVarHandle(CellFields.class, "count", long.class);
        OWNER = lookup.findVarHandle(CellOwner.class, "owner", Thread.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    long q00, q01, q02, q03, q04, q05, q06, q07;

    Cell(Thread owner) {
      this.owner = owner;
    }

    /** Called by the owner only: a single writer needs no atomic read-modify-write. */
    void add(long amount) {
      COUNT.setOpaque(this, count + amount);
    }

    long get() {
      return (long) COUNT.getOpaque(this);
    }

    boolean claim(Thread thread) {
      Thread current = owner;
      if (current == thread) {
        return true;
      }
      // a dead thread's last increment happens-before isAlive() returning false
      return !current.isAlive() && OWNER.compareAndSet(this, current, thread);
    }
  }
}
