package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.FetchInterruptedException;
import dev.cachefn.FetchTimeoutException;
import dev.cachefn.cdi.beans.SlowLookups;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code @Memoize} on Weld never waits forever: {@code fetchTimeout} on the annotation and in configuration,
 * an interrupted caller, an abandoned asynchronous call, and an observer that waits for another thread's
 * write of the key it was told about. Real timeouts of 150 ms; the JUnit timeout is far above them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoizeFetchTimeoutTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aCallerWaitingLongerThanTheAnnotationsFetchTimeoutFailsNamingCacheKeyAndTimeout() throws Exception {
    try (CdiApp app = CdiApp.start(SlowLookups.class)) {
      SlowLookups lookups = app.bean(SlowLookups.class);
      Future<String> first = threads.submit(() -> lookups.annotated("a"));
      lookups.awaitStarted();

      assertThatThrownBy(() -> lookups.annotated("a")).isInstanceOf(FetchTimeoutException.class)
          .hasMessageContaining("'annotated'").hasMessageContaining("PT0.15S");

      lookups.release();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("value of a");
      assertThat(lookups.annotated("a")).as("the first call stored its value").isEqualTo("value of a");
      assertThat(lookups.calls()).isEqualTo(1);
    }
  }

  @Test
  void theFetchTimeoutOfACacheComesFromConfiguration() throws Exception {
    try (CdiApp app = CdiApp.start(Map.of("cachefn.cache.configured.fetch-timeout", "150ms"), SlowLookups.class)) {
      SlowLookups lookups = app.bean(SlowLookups.class);
      Future<String> first = threads.submit(() -> lookups.configured("a"));
      lookups.awaitStarted();

      Throwable thrown = catchThrowable(() -> lookups.configured("a"));

      assertThat(thrown).isInstanceOf(FetchTimeoutException.class);
      assertThat(((FetchTimeoutException) thrown).cacheName()).isEqualTo("configured");
      assertThat(((FetchTimeoutException) thrown).timeout()).hasMillis(150);
      lookups.release();
      first.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anInterruptedCallerStopsWaitingWithItsFlagSet() throws Exception {
    try (CdiApp app = CdiApp.start(SlowLookups.class)) {
      SlowLookups lookups = app.bean(SlowLookups.class);
      Future<String> first = threads.submit(() -> lookups.configured("a"));
      lookups.awaitStarted();

      Thread.currentThread().interrupt();
      Throwable thrown = catchThrowable(() -> lookups.configured("a"));
      boolean flag = Thread.interrupted();

      assertThat(thrown).isInstanceOf(FetchInterruptedException.class);
      assertThat(flag).isTrue();
      lookups.release();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("value of a");
    }
  }

  @Test
  void anAsynchronousCallThatNeverCompletesIsAbandonedAndTheNextCallRunsTheMethodAgain() throws Exception {
    try (CdiApp app = CdiApp.start(SlowLookups.class)) {
      SlowLookups lookups = app.bean(SlowLookups.class);

      CompletionStage<String> stuck = lookups.stage("a");
      Throwable thrown = catchThrowable(() -> stuck.toCompletableFuture().get(10, TimeUnit.SECONDS));

      assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(FetchTimeoutException.class);
      assertThat(lookups.stage("a").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("fresh a");
      assertThat(lookups.calls()).isEqualTo(2);
    }
  }

  /** Deletes the key it was told was evicted, from another thread, and waits for that. */
  @ApplicationScoped
  static class DeletingObserver {
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    @Inject @CacheName("small") Cache<String> small;

    void onEviction(@Observes @CacheName("small") @CacheEventKind(CacheEventType.EVICTION) CacheEvent<?> event)
        throws Exception {
      other.submit(() -> small.delete("k")).get();
    }

    @PreDestroy
    void stop() {
      other.shutdownNow();
    }
  }

  @Dependent
  static class SmallCacheUser {
    @Inject @CacheName("small") Cache<String> small;
  }

  @Test
  void anObserverThatWaitsForAnotherThreadsDeleteOfTheFetchedKeyDoesNotDeadlock() {
    try (CdiApp app = CdiApp.start(Map.of("cachefn.cache.small.max-size", "1"),
        DeletingObserver.class, SmallCacheUser.class)) {
      Cache<String> small = app.bean(SmallCacheUser.class).small;
      small.set("old", "o");

      assertThat(small.getOrFetch("k", () -> "fetched")).isEqualTo("fetched");
      assertThat(small.has("k")).isFalse();
    }
  }

  @Dependent
  static class BadTimeout {
    @Memoize(fetchTimeout = "soon")
    public String find(String id) {
      return id;
    }
  }

  @Test
  void aBadFetchTimeoutOnTheAnnotationFailsTheDeploymentNamingTheMethod() {
    assertThatThrownBy(() -> CdiApp.start(BadTimeout.class).close())
        .hasMessageContaining("BadTimeout").hasMessageContaining("find")
        .hasMessageContaining("fetchTimeout must be an ISO-8601 duration");
  }
}
