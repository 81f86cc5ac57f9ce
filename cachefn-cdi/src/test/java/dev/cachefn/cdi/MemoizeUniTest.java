package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Memoize} on a method returning a Mutiny {@code Uni}: the item is cached, never the Uni or a failure. An
 * invalidation after such a method waits for the item.
 */
class MemoizeUniTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @ApplicationScoped
  public static class Quotes {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile CompletableFuture<String> next = CompletableFuture.completedFuture("quote");

    int calls() {
      return calls.get();
    }

    void answerNextWith(CompletableFuture<String> answer) {
      next = answer;
    }

    @Memoize(cache = "quotes", tags = "quote:{symbol}")
    public Uni<String> quote(String symbol) {
      calls.incrementAndGet();
      CompletableFuture<String> answer = next;
      return Uni.createFrom().completionStage(answer).map(text -> text + " " + symbol);
    }

    @Invalidate(cache = "quotes")
    public Uni<String> delist(String symbol) {
      calls.incrementAndGet();
      return Uni.createFrom().completionStage(next);
    }
  }

  private CdiApp app;
  private Quotes quotes;
  private NamedCaches caches;

  @BeforeEach
  void start() {
    app = CdiApp.start(Quotes.class);
    quotes = app.bean(Quotes.class);
    caches = app.bean(NamedCaches.class);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void nothingRunsBeforeASubscriptionAndAHitDoesNotRunTheMethod() {
    Uni<String> uni = quotes.quote("ACME");
    assertThat(quotes.calls()).isZero();

    assertThat(uni.await().atMost(WAIT)).isEqualTo("quote ACME");
    assertThat(quotes.quote("ACME").await().atMost(WAIT)).isEqualTo("quote ACME");

    assertThat(quotes.calls()).isEqualTo(1);
    assertThat(caches.get("quotes").get("ACME")).as("the item, not the Uni").isEqualTo("quote ACME");
  }

  @Test
  void aFailureReachesTheSubscriberAndIsNotCached() {
    quotes.answerNextWith(CompletableFuture.failedFuture(new IllegalStateException("exchange closed")));
    assertThatThrownBy(() -> quotes.quote("ACME").await().atMost(WAIT)).hasMessage("exchange closed");
    assertThat(caches.get("quotes").has("ACME")).isFalse();

    quotes.answerNextWith(CompletableFuture.completedFuture("quote"));
    assertThat(quotes.quote("ACME").await().atMost(WAIT)).isEqualTo("quote ACME");
    assertThat(quotes.calls()).isEqualTo(2);
  }

  @Test
  void concurrentSubscribersShareOneCallWhileItIsInFlight() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    quotes.answerNextWith(pending);
    CompletableFuture<String> first = quotes.quote("ACME").subscribeAsCompletionStage();
    CompletableFuture<String> second = quotes.quote("ACME").subscribeAsCompletionStage();
    assertThat(first).isNotDone();

    pending.complete("late quote");

    assertThat(first.join()).isEqualTo("late quote ACME");
    assertThat(second.join()).isEqualTo("late quote ACME");
    assertThat(quotes.calls()).isEqualTo(1);
  }

  @Test
  void cancellingOneSubscriberNeitherCancelsTheCallNorLosesTheItem() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    quotes.answerNextWith(pending);
    quotes.quote("ACME").subscribe().with(item -> {}).cancel();
    CompletableFuture<String> other = quotes.quote("ACME").subscribeAsCompletionStage();

    pending.complete("quote");

    assertThat(other.join()).isEqualTo("quote ACME");
    assertThat(caches.get("quotes").get("ACME")).isEqualTo("quote ACME");
    assertThat(quotes.calls()).isEqualTo(1);
  }

  @Test
  void anInvalidationAfterAUniMethodRunsWhenTheItemArrivesAndNotOnAFailure() {
    quotes.quote("ACME").await().atMost(WAIT);
    CompletableFuture<String> pending = new CompletableFuture<>();
    quotes.answerNextWith(pending);

    Uni<String> delisting = quotes.delist("ACME");
    CompletableFuture<String> done = delisting.subscribeAsCompletionStage();
    assertThat(caches.get("quotes").has("ACME")).as("not before the item").isTrue();
    pending.complete("delisted");

    assertThat(done.join()).isEqualTo("delisted");
    assertThat(caches.get("quotes").has("ACME")).isFalse();

    quotes.answerNextWith(CompletableFuture.completedFuture("quote"));
    quotes.quote("ACME").await().atMost(WAIT);
    quotes.answerNextWith(CompletableFuture.failedFuture(new IllegalStateException("exchange closed")));
    assertThatThrownBy(() -> quotes.delist("ACME").await().atMost(WAIT)).hasMessage("exchange closed");
    assertThat(caches.get("quotes").has("ACME")).as("a failure skips the invalidation").isTrue();
  }
}
