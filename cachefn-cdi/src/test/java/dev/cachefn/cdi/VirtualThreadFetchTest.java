package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual threads (JDK 21+, as Jakarta EE 11 servers offer them; skipped on older JDKs, the library is built
 * for 17): 10,000 of them ask for one missing key while its fetcher blocks. All get the value, the fetcher
 * runs once, and JFR records no {@code jdk.VirtualThreadPinned} event: no carrier thread is held while the
 * fetch blocks.
 */
class VirtualThreadFetchTest {

  private static final int THREADS = 10_000;

  @TempDir Path recordings;

  @Test
  @Timeout(120)
  void tenThousandVirtualThreadsShareOneBlockingFetchWithoutPinningACarrier() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+; this is "
        + Runtime.version());
    Cache<String> cache = CacheFn.<String>builder("virtual").build();
    AtomicInteger fetches = new AtomicInteger();
    AtomicInteger arrived = new AtomicInteger();
    CountDownLatch allArrived = new CountDownLatch(1);

    List<String> results = new ArrayList<>();
    try (Recording recording = new Recording()) {
      recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      recording.start();
      ExecutorService executor = newVirtualThreadPerTaskExecutor();
      try {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          calls.add(executor.submit(() -> {
            if (arrived.incrementAndGet() == THREADS) {
              allArrived.countDown();
            }
            return cache.getOrFetch("key", () -> {
              fetches.incrementAndGet();
              awaitUninterruptibly(allArrived); // blocks until every caller has asked
              return "value";
            });
          }));
        }
        for (Future<String> call : calls) {
          results.add(call.get());
        }
      } finally {
        executor.shutdownNow();
      }
      recording.stop();
      Path file = recordings.resolve("pinning.jfr");
      recording.dump(file);
      List<RecordedEvent> pinned = RecordingFile.readAllEvents(file).stream()
          .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned")).toList();

      assertThat(pinned).as("jdk.VirtualThreadPinned events").isEmpty();
    }
    assertThat(results).hasSize(THREADS).containsOnly("value");
    assertThat(fetches).as("fetcher runs").hasValue(1);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}, called reflectively: this code compiles for Java 17. */
  private static ExecutorService newVirtualThreadPerTaskExecutor() throws ReflectiveOperationException {
    return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }
}
