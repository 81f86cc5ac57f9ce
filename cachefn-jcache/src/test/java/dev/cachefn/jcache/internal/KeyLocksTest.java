package dev.cachefn.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The per-key locks under which a JCache operation decides and writes: one key at a time, other keys free,
 * reentrant, and nothing left behind. Threads are coordinated with latches and thread states, not sleeps.
 */
class KeyLocksTest {

  private final KeyLocks<String> locks = new KeyLocks<>();
  private final List<String> trace = new CopyOnWriteArrayList<>();

  @Test
  void aKeysLockExistsOnlyWhileItIsHeld() {
    locks.run("a", () -> trace.add("held, locks: " + locks.size()));

    assertThat(trace).containsExactly("held, locks: 1");
    assertThat(locks.size()).isZero();
  }

  @Test
  void theHolderMayTakeItsKeyAgain() {
    locks.run("a", () -> locks.run("a", () -> trace.add("inner")));

    assertThat(trace).containsExactly("inner");
    assertThat(locks.size()).isZero();
  }

  @Test
  void aFailingActionReleasesTheLock() {
    try {
      locks.run("a", () -> {
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      trace.add(expected.getMessage());
    }

    assertThat(trace).containsExactly("boom");
    assertThat(locks.size()).isZero();
    locks.run("a", () -> trace.add("taken again"));
    assertThat(trace).containsExactly("boom", "taken again");
  }

  @Test
  void anotherKeyRunsWhileOneIsHeld() throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> locks.run("a", () -> {
      holding.countDown();
      awaitQuietly(release);
    }));
    holder.start();
    holding.await();

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> locks.run("b", () -> trace.add("b ran")));

    release.countDown();
    holder.join();
    assertThat(trace).containsExactly("b ran");
    assertThat(locks.size()).isZero();
  }

  @Test
  void aSecondThreadOnTheSameKeyWaitsForTheFirst() throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first = new Thread(() -> locks.run("a", () -> {
      trace.add("first in");
      holding.countDown();
      awaitQuietly(release);
      trace.add("first out");
    }));
    first.start();
    holding.await();
    Thread second = new Thread(() -> locks.run("a", () -> trace.add("second")));
    second.start();
    while (second.getState() != Thread.State.WAITING) { // parked on the key's lock
      Thread.onSpinWait();
    }

    assertThat(trace).containsExactly("first in");
    release.countDown();
    first.join();
    second.join();
    assertThat(trace).containsExactly("first in", "first out", "second");
    assertThat(locks.size()).isZero();
  }

  /** Not atomic on its own: only the key's lock keeps increments from being lost. */
  private long counter;

  @Test
  void threadsOnOneKeyNeverOverlap() throws InterruptedException {
    int threads = 4;
    int increments = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < increments; i++) {
          locks.run("counter", () -> {
            long seen = counter;
            Thread.yield(); // invites another thread in, were the lock not exclusive
            counter = seen + 1;
          });
        }
      });
      workers[t].start();
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(counter).isEqualTo((long) threads * increments);
    assertThat(locks.size()).isZero();
  }

  @Test
  void anInterruptedWaiterStillWaitsForTheKeyAndKeepsItsInterrupt() throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread first = new Thread(() -> locks.run("a", () -> {
      holding.countDown();
      awaitQuietly(release);
      trace.add("first out");
    }));
    first.start();
    holding.await();
    Thread second = new Thread(() -> {
      locks.run("a", () -> trace.add("second"));
      trace.add("interrupted: " + Thread.currentThread().isInterrupted());
    });
    second.start();
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    second.interrupt(); // were the wait given up, "second" would be traced before "first out"

    assertThat(trace).isEmpty();
    release.countDown();
    first.join();
    second.join();
    assertThat(trace).containsExactly("first out", "second", "interrupted: true");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
