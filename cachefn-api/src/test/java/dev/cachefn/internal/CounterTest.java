package dev.cachefn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-thread statistics counter loses no increment, whoever counts and however many threads do. */
class CounterTest {

  @Test
  void oneThreadCountsExactly() {
    Counter counter = new Counter();
    for (int i = 0; i < 1_000; i++) {
      counter.increment();
    }
    counter.add(24);
    assertThat(counter.sum()).isEqualTo(1_024);
  }

  @Test
  void startsAtZero() {
    assertThat(new Counter().sum()).isZero();
  }

  @Test
  void manyThreadsAliveAtOnceCountExactlyEvenBeyondTheCells() throws InterruptedException {
    Counter counter = new Counter();
    int threads = 200; // far more than the cells: most count through the overflow adder
    CountDownLatch allCounted = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 1_000; i++) {
          counter.increment();
        }
        allCounted.countDown();
        await(release); // stay alive, so that no cell is freed while the others count
      });
      thread.start();
      started.add(thread);
    }
    allCounted.await();
    release.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    assertThat(counter.sum()).isEqualTo(200_000);
  }

  @Test
  void cellsOfDeadThreadsAreReusedAndKeepTheirCounts() throws InterruptedException {
    Counter counter = new Counter();
    for (int t = 0; t < 300; t++) { // one after the other: each finds a dead owner's cell to take over
      Thread thread = new Thread(() -> counter.add(10));
      thread.start();
      thread.join();
    }
    counter.increment();
    assertThat(counter.sum()).isEqualTo(3_001);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
