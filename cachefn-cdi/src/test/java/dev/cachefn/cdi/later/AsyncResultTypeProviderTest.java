package dev.cachefn.cdi.later;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.CdiApp;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.NamedCaches;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A return type CacheFn does not know, taught to the interceptors by a provider found through
 * {@link java.util.ServiceLoader} ({@link LaterResults}); a provider that cannot be made ({@link BrokenResults},
 * listed first) is skipped.
 */
class AsyncResultTypeProviderTest {

  @ApplicationScoped
  public static class Forecasts {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile CompletableFuture<String> next = CompletableFuture.completedFuture("sunny");

    int calls() {
      return calls.get();
    }

    void answerNextWith(CompletableFuture<String> answer) {
      next = answer;
    }

    @Memoize(cache = "forecasts")
    public Later<String> forecast(String city) {
      calls.incrementAndGet();
      return new Later<>(next.thenApply(text -> text + " in " + city));
    }

    @Invalidate(cache = "forecasts")
    public Later<String> revise(String city) {
      return new Later<>(next);
    }
  }

  private CdiApp app;
  private Forecasts forecasts;
  private NamedCaches caches;

  @BeforeEach
  void start() {
    app = CdiApp.start(Forecasts.class);
    forecasts = app.bean(Forecasts.class);
    caches = app.bean(NamedCaches.class);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void theCompletedValueIsCachedAndAHitAnswersInTheMethodsType() {
    assertThat(forecasts.forecast("Paris").await()).isEqualTo("sunny in Paris");
    Later<String> hit = forecasts.forecast("Paris");

    assertThat(hit.await()).isEqualTo("sunny in Paris");
    assertThat(forecasts.calls()).isEqualTo(1);
    assertThat(caches.get("forecasts").get("Paris")).as("the value, not the Later").isEqualTo("sunny in Paris");
  }

  @Test
  void aFailureReachesTheCallerAndIsNotCached() {
    forecasts.answerNextWith(CompletableFuture.failedFuture(new IllegalStateException("no data")));
    assertThatThrownBy(() -> forecasts.forecast("Oslo").await()).isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("no data");
    assertThat(caches.get("forecasts").has("Oslo")).isFalse();

    forecasts.answerNextWith(CompletableFuture.completedFuture("rain"));
    assertThat(forecasts.forecast("Oslo").await()).isEqualTo("rain in Oslo");
    assertThat(forecasts.calls()).isEqualTo(2);
  }

  @Test
  void anInvalidationAfterTheMethodWaitsForTheValue() {
    forecasts.forecast("Rome").await();
    CompletableFuture<String> pending = new CompletableFuture<>();
    forecasts.answerNextWith(pending);

    Later<String> revised = forecasts.revise("Rome");
    assertThat(caches.get("forecasts").has("Rome")).as("not before the value").isTrue();
    pending.complete("revised");

    assertThat(revised.await()).isEqualTo("revised");
    assertThat(caches.get("forecasts").has("Rome")).isFalse();
  }
}
