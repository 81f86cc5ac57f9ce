package dev.cachefn.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cachefn.FetchTimeoutException;
import dev.cachefn.cdi.Memoize;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Memoize} under ArC never waits forever: the annotation's {@code fetchTimeout}, the
 * {@code cachefn.cache.<name>.fetch-timeout} key and an abandoned asynchronous call. Real timeouts of 150 ms;
 * the JUnit timeout is far above them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FetchTimeoutTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Slow.class))
      .overrideConfigKey("cachefn.cache.configured.fetch-timeout", "150ms");

  @Inject Slow slow;

  @Test
  void aCallerWaitingLongerThanTheAnnotationsTimeoutFails() throws Exception {
    assertTimesOut("annotated", () -> slow.annotated("a"));
  }

  @Test
  void aCallerWaitingLongerThanTheConfiguredTimeoutFails() throws Exception {
    assertTimesOut("configured", () -> slow.configured("a"));
  }

  private void assertTimesOut(String cache, java.util.concurrent.Callable<String> call) throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      slow.hold();
      Future<String> first = other.submit(call);
      slow.awaitStarted();

      Throwable thrown = catchThrowable(call::call);

      assertThat(thrown).isInstanceOf(FetchTimeoutException.class);
      assertThat(((FetchTimeoutException) thrown).cacheName()).isEqualTo(cache);
      assertThat(((FetchTimeoutException) thrown).timeout()).hasMillis(150);
      slow.release();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("value of a");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void anAsynchronousCallThatNeverCompletesIsAbandonedAndTheNextCallRunsAgain() throws Exception {
    CompletionStage<String> stuck = slow.stage("a");

    assertThatThrownBy(() -> stuck.toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(FetchTimeoutException.class);
    assertThat(slow.stage("a").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("fresh a");
  }

  @ApplicationScoped
  public static class Slow {
    private final AtomicInteger stages = new AtomicInteger();
    private volatile CountDownLatch started = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    void hold() {
      started = new CountDownLatch(1);
      release = new CountDownLatch(1);
    }

    void awaitStarted() throws InterruptedException {
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    }

    void release() {
      release.countDown();
    }

    @Memoize(cache = "annotated", fetchTimeout = "150ms")
    public String annotated(String key) throws InterruptedException {
      return held(key);
    }

    @Memoize(cache = "configured")
    public String configured(String key) throws InterruptedException {
      return held(key);
    }

    /** The first call's stage never completes. */
    @Memoize(cache = "stages", fetchTimeout = "150ms")
    public CompletionStage<String> stage(String key) {
      return stages.incrementAndGet() == 1 ? new CompletableFuture<>() : CompletableFuture.completedFuture("fresh " + key);
    }

    private String held(String key) throws InterruptedException {
      started.countDown();
      assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
      return "value of " + key;
    }
  }
}
