package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheStats;
import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.User;
import dev.cachefn.cdi.beans.UserRepository;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoizeTest {

  private CdiApp app;
  private UserRepository repository;
  private NamedCaches caches;

  @BeforeEach
  void start() {
    app = CdiApp.start(UserRepository.class, FakeTicker.class);
    repository = app.bean(UserRepository.class);
    caches = app.bean(NamedCaches.class);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aHitDoesNotRunTheMethod() {
    assertThat(repository.find("1", "trace-a")).isEqualTo("user 1");
    assertThat(repository.find("1", "trace-a")).isEqualTo("user 1");

    assertThat(repository.calls("find")).isEqualTo(1);
    assertThat(caches.get("users").keys("*")).containsExactly("1");
  }

  @Test
  void onlyCacheKeyParametersFormTheKey() {
    repository.find("1", "trace-a");
    repository.find("1", "trace-b");
    repository.find("2", "trace-a");

    assertThat(repository.calls("find")).as("traceId is not part of the key").isEqualTo(2);
  }

  @Test
  void withoutCacheKeyEveryParameterFormsTheKey() {
    assertThat(repository.count("ab", 2)).isEqualTo(4);
    assertThat(repository.count("ab", 3)).isEqualTo(6);
    assertThat(repository.count("ab", 2)).isEqualTo(4);

    assertThat(repository.calls("count")).isEqualTo(2);
    assertThat(caches.get("counts").keys("*")).containsExactlyInAnyOrder("ab:2", "ab:3");
  }

  @Test
  void keysAreTheEscapedParametersJoinedByColons() {
    repository.count("a:b", 2);
    repository.count("x,[y]", 3);
    repository.find("c:\\d", "trace");
    repository.find(null, "trace");

    assertThat(caches.get("counts").keys("*")).containsExactlyInAnyOrder("a\\:b:2", "x\\,\\[y\\]:3");
    assertThat(caches.get("users").keys("*")).containsExactlyInAnyOrder("c\\:\\\\d", "\\0");
  }

  @Test
  void aMissCountsOneMissAndEachHitOneHit() {
    repository.count("ab", 2);
    repository.count("ab", 2);
    repository.count("ab", 2);

    CacheStats stats = caches.get("counts").stats();
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.hits()).isEqualTo(2);
  }

  @Test
  void tagTemplatesAreRenderedPerCallWithTheTtlKept() {
    FakeTicker clock = app.bean(FakeTicker.class);
    repository.find("1", "t");
    repository.find("1", "t");
    repository.find("2", "t");
    repository.find("2", "t");

    Cache<Object> users = caches.get("users");
    assertThat(users.entries("*", 10)).containsOnlyKeys("1", "2");
    assertThat(users.invalidateByTag("user:2")).isEqualTo(1);
    clock.advance(Duration.ofMinutes(10));
    assertThat(users.keys("*")).as("the annotation's TTL came with the rendered tags").isEmpty();
    assertThat(repository.calls("find")).isEqualTo(2);
  }

  @Test
  void aMethodWithoutParametersHasOneEntryInACacheNamedAfterIt() {
    assertThat(repository.all()).containsExactly("a", "b");
    assertThat(repository.all()).containsExactly("a", "b");

    assertThat(repository.calls("all")).isEqualTo(1);
    assertThat(caches.names()).contains(UserRepository.class.getName() + ".all");
  }

  @Test
  void theTtlOfTheAnnotationExpiresTheResult() {
    FakeTicker clock = app.bean(FakeTicker.class);
    repository.find("1", "t");

    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    repository.find("1", "t");
    assertThat(repository.calls("find")).isEqualTo(1);

    clock.advance(Duration.ofNanos(1));
    repository.find("1", "t");
    assertThat(repository.calls("find")).isEqualTo(2);
  }

  @Test
  void tagTemplatesReadParametersAndInvalidateTheRightEntries() {
    repository.find("1", "t");
    repository.find("2", "t");

    assertThat(caches.get("users").invalidateByTag("user:1")).isEqualTo(1);
    repository.find("1", "t");
    repository.find("2", "t");

    assertThat(repository.calls("find")).as("only user 1 ran again").isEqualTo(3);
    assertThat(caches.get("users").invalidateByTag("users")).isEqualTo(2);
  }

  @Test
  void tagTemplatesReadPropertiesOfParameters() {
    User ada = new User("7", "Ada", new User.Team("core"));
    User bob = new User("8", "Bob", new User.Team("web"));
    repository.greet(ada);
    repository.greet(bob);
    Cache<Object> greetings = caches.get("greetings");

    assertThat(greetings.invalidateByTag("user:7")).isEqualTo(1);
    assertThat(greetings.invalidateByTag("team:web")).isEqualTo(1);
    assertThat(greetings.size()).isZero();
  }

  @Test
  void anOptionalIsCachedByItsContentAndAnEmptyOneIsNot() {
    assertThat(repository.nickname("n1")).contains("nick n1");
    assertThat(repository.nickname("n1")).contains("nick n1");
    assertThat(repository.nickname("x")).isEmpty();
    assertThat(repository.nickname("x")).isEqualTo(Optional.empty());

    assertThat(repository.calls("nickname")).isEqualTo(3);
  }

  @Test
  void aNullResultIsReturnedAndNotCached() {
    assertThat(repository.orNull("a")).isNull();
    assertThat(repository.orNull("a")).isNull();

    assertThat(repository.calls("orNull")).isEqualTo(2);
  }

  @Test
  void aCheckedExceptionReachesTheCallerUnwrappedAndIsNotCached() throws IOException {
    repository.failNextLoad();
    assertThatThrownBy(() -> repository.load("a")).isExactlyInstanceOf(IOException.class).hasMessage("disk on fire");

    assertThat(repository.load("a")).isEqualTo("loaded a");
    assertThat(repository.load("a")).isEqualTo("loaded a");
    assertThat(repository.calls("load")).isEqualTo(2);
  }

  @Test
  void concurrentCallersOfOneKeyShareOneCall() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    repository.holdSlowFind(gate);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> repository.slowFind("a"));
      awaitCalls("slowFind", 1);
      Thread[] second = new Thread[1];
      Future<String> waiting = pool.submit(() -> {
        second[0] = Thread.currentThread();
        return repository.slowFind("a");
      });
      awaitWaiting(() -> second[0]);

      gate.countDown();
      assertThat(first.get()).isEqualTo("slow a");
      assertThat(waiting.get()).isEqualTo("slow a");
      assertThat(repository.calls("slowFind")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCompletionStageIsCachedWhenItCompletesAndSharedWhileInFlight() throws Exception {
    CompletionStage<String> first = repository.loadAsync("a");
    CompletionStage<String> second = repository.loadAsync("a");
    assertThat(repository.calls("loadAsync")).as("one call in flight").isEqualTo(1);
    assertThat(first.toCompletableFuture()).isNotDone();

    repository.pending("a").complete("async a");

    assertThat(first.toCompletableFuture().get()).isEqualTo("async a");
    assertThat(second.toCompletableFuture().get()).isEqualTo("async a");
    assertThat(repository.loadAsync("a").toCompletableFuture().get()).isEqualTo("async a");
    assertThat(repository.calls("loadAsync")).isEqualTo(1);
  }

  @Test
  void aFailedCompletionStageIsNotCached() throws Exception {
    CompletionStage<String> failing = repository.loadAsync("a");
    repository.pending("a").completeExceptionally(new IOException("timeout"));

    assertThatThrownBy(() -> failing.toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class).hasCauseExactlyInstanceOf(IOException.class);

    CompletionStage<String> retry = repository.loadAsync("a");
    repository.pending("a").complete("async a");
    assertThat(retry.toCompletableFuture().get()).isEqualTo("async a");
    assertThat(repository.calls("loadAsync")).isEqualTo(2);
  }

  @Test
  void aCompletableFutureMethodGetsACompletableFuture() throws Exception {
    CompletableFuture<String> first = repository.loadFuture("a");
    CompletableFuture<String> second = repository.loadFuture("a");

    assertThat(first.get()).isEqualTo("future a");
    assertThat(second.get()).isEqualTo("future a");
    assertThat(repository.calls("loadFuture")).isEqualTo(1);
  }

  @Test
  void aKeyGeneratorChoosesTheKey() {
    assertThat(repository.owner("ada@example.com")).isEqualTo("owner of example.com");
    assertThat(repository.owner("bob@example.com")).isEqualTo("owner of example.com");
    repository.owner("eve@example.org");

    assertThat(repository.calls("owner")).isEqualTo(2);
    assertThat(caches.get("domains").keys("*")).containsExactlyInAnyOrder("example.com", "example.org");
  }

  private void awaitCalls(String method, int calls) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (repository.calls(method) < calls) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(method + " was not called " + calls + " times");
      }
      Thread.onSpinWait();
    }
  }

  /** Waits until the thread is parked: waiting for the call in flight. */
  private static void awaitWaiting(java.util.function.Supplier<Thread> thread) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (thread.get() == null || thread.get().getState() != Thread.State.TIMED_WAITING) { // bounded by the fetch timeout
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second caller never waited");
      }
      Thread.onSpinWait();
    }
  }

}
