package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The read buffer records every read of a lone thread in order, switches to sampling only when drains keep
 * finding other threads' reads, and tells a thread to apply its read itself when it cannot record it.
 * Threads are run one after the other (started and joined), so every outcome is deterministic.
 */
class ReadBufferTest {

  private final ReadBuffer<Integer> buffer = new ReadBuffer<>();

  private List<Integer> drain() {
    List<Integer> drained = new ArrayList<>();
    buffer.drainTo(drained::add);
    return drained;
  }

  private static void inOtherThread(Runnable action) throws InterruptedException {
    Thread thread = new Thread(action);
    thread.start();
    thread.join();
  }

  @Test
  void aLoneThreadHasEveryReadReplayedInOrder() {
    for (int i = 0; i < 10; i++) {
      assertThat(buffer.offer(i)).isTrue();
    }
    assertThat(drain()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(buffer.isSampling()).isFalse();
    assertThat(drain()).isEmpty();
  }

  @Test
  void aFullStripeAsksTheReaderToDrain() {
    for (int i = 0; i < ReadBuffer.STRIPE_CAPACITY; i++) {
      assertThat(buffer.offer(i)).isTrue();
    }
    assertThat(buffer.offer(99)).isFalse();
    assertThat(drain()).hasSize(ReadBuffer.STRIPE_CAPACITY);
    assertThat(buffer.offer(99)).isTrue();
  }

  @Test
  void oneDrainWithAnotherThreadsReadsIsNotYetConcurrency() throws InterruptedException {
    inOtherThread(() -> buffer.offer(1));
    assertThat(drain()).containsExactly(1);
    assertThat(buffer.isSampling()).isFalse();
  }

  @Test
  void twoDrainsInARowWithOtherThreadsReadsSwitchToSamplingAndAnOwnDrainSwitchesBack()
      throws InterruptedException {
    inOtherThread(() -> buffer.offer(1));
    drain();
    inOtherThread(() -> buffer.offer(2));
    assertThat(drain()).containsExactly(2);
    assertThat(buffer.isSampling()).isTrue();

    int recorded;
    for (int i = 0; i < 4 * ReadBuffer.SAMPLE_PERIOD; i++) {
      assertThat(buffer.offer(i)).isTrue(); // recorded or skipped on purpose, never "drain for me"
    }
    recorded = drain().size();
    assertThat(recorded).isEqualTo(4);
    for (int quiet = 2; quiet <= ReadBuffer.QUIET_DRAINS; quiet++) {
      assertThat(buffer.isSampling()).as("drains with only the drainer's reads so far: %d", quiet - 1).isTrue();
      buffer.offer(0);
      drain();
    }
    assertThat(buffer.isSampling()).as("enough drains found only the drainer's own reads").isFalse();
  }

  @Test
  void aReaderThatFindsTheLockTakenSwitchesToSampling() {
    buffer.contended();
    assertThat(buffer.isSampling()).isTrue();
    for (int i = 0; i < ReadBuffer.QUIET_DRAINS; i++) {
      drain();
    }
    assertThat(buffer.isSampling()).isFalse();
  }

  @Test
  void stripesOfDeadThreadsAreClaimedAgain() throws InterruptedException {
    AtomicInteger refused = new AtomicInteger();
    for (int t = 0; t < 200; t++) { // far more threads than stripes, one after the other
      int value = t;
      inOtherThread(() -> {
        for (int i = 0; i < ReadBuffer.STRIPE_CAPACITY; i++) {
          if (!buffer.offer(value)) {
            refused.incrementAndGet();
          }
        }
      });
      // each drain finds another thread's reads, so the buffer samples from the second one on
      int expected = t == 0 || t == 1 ? ReadBuffer.STRIPE_CAPACITY : ReadBuffer.STRIPE_CAPACITY / ReadBuffer.SAMPLE_PERIOD;
      assertThat(drain()).hasSize(expected).containsOnly(value);
    }
    assertThat(refused).as("every thread found a stripe: a dead owner's one is free").hasValue(0);
  }

  @Test
  void threadsBeyondTheStripesAreToldToApplyTheirReadThemselves() throws InterruptedException {
    int threads = 200;
    AtomicInteger recorded = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch offered = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int value = t;
      Thread thread = new Thread(() -> {
        (buffer.offer(value) ? recorded : refused).incrementAndGet();
        offered.countDown();
        try {
          release.await(); // alive, so that its stripe stays taken
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.start();
      started.add(thread);
    }
    offered.await();
    List<Integer> drained = drain();
    release.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    assertThat(recorded.get()).isBetween(1, 64);
    assertThat(refused.get()).isEqualTo(threads - recorded.get());
    assertThat(drained).hasSize(recorded.get()).doesNotHaveDuplicates();
  }

  @Test
  void hitsAreCountedOnlyForOffersThatSaySoAndMissesOnlyWhenCounted() {
    buffer.offer(1); // a read that is no counted lookup (an in-place write)
    buffer.offerHit(2);
    buffer.offerHit(3);
    buffer.count(0, 1);
    buffer.count(5, 2);

    assertThat(buffer.hits()).isEqualTo(7);
    assertThat(buffer.misses()).isEqualTo(3);
    assertThat(drain()).containsExactly(1, 2, 3);
    assertThat(buffer.hits()).as("draining leaves the counts").isEqualTo(7);
  }

  @Test
  void countsSurviveTheirThreadAndSampling() throws InterruptedException {
    inOtherThread(() -> buffer.offerHit(1));
    drain();
    inOtherThread(() -> {
      buffer.offerHit(2);
      buffer.count(0, 1);
    });
    drain();
    assertThat(buffer.isSampling()).isTrue();
    for (int i = 0; i < 4 * ReadBuffer.SAMPLE_PERIOD; i++) {
      buffer.offerHit(i); // mostly skipped for the order, every one counted
    }

    assertThat(buffer.hits()).isEqualTo(2 + 4 * ReadBuffer.SAMPLE_PERIOD);
    assertThat(buffer.misses()).isEqualTo(1);
  }
}
