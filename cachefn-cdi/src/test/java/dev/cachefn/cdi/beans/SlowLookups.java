package dev.cachefn.cdi.beans;

import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Memoized methods whose calls a test holds up, for the fetch timeout tests. */
@ApplicationScoped
public class SlowLookups {

  private final AtomicInteger calls = new AtomicInteger();
  private volatile CountDownLatch started = new CountDownLatch(1);
  private volatile CountDownLatch release = new CountDownLatch(1);

  /** Makes the next held call wait for {@link #release()} again. */
  public void holdNextCall() {
    started = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  public void awaitStarted() throws InterruptedException {
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the held call did not start");
    }
  }

  public void release() {
    release.countDown();
  }

  public int calls() {
    return calls.get();
  }

  @Memoize(cache = "annotated", fetchTimeout = "150ms")
  public String annotated(String key) throws InterruptedException {
    return held(key);
  }

  /** Its timeout comes from cachefn.cache.configured.fetch-timeout. */
  @Memoize(cache = "configured")
  public String configured(String key) throws InterruptedException {
    return held(key);
  }

  /** The first call's stage never completes; later ones complete at once. */
  @Memoize(cache = "stages", fetchTimeout = "150ms")
  public CompletionStage<String> stage(String key) {
    return calls.incrementAndGet() == 1 ? new CompletableFuture<>() : CompletableFuture.completedFuture("fresh " + key);
  }

  private String held(String key) throws InterruptedException {
    calls.incrementAndGet();
    started.countDown();
    if (!release.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("never released");
    }
    return "value of " + key;
  }
}
