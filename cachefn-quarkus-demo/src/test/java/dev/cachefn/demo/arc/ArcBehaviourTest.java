package dev.cachefn.demo.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.NamedCaches;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cachefn-cdi's annotations and events under ArC: the behaviour the Weld tests prove, in a Quarkus application. */
@QuarkusTest
class ArcBehaviourTest {

  @Inject Lookups lookups;
  @Inject Writes writes;
  @Inject EventRecorder events;
  @Inject NamedCaches caches;
  @Inject @CacheName("arc-users") Cache<String> users;
  @Inject @CacheName("arc-users") Cache<String> sameUsers;

  @BeforeEach
  void startFromEmptyCaches() {
    for (String name : caches.names()) {
      caches.get(name).clear();
    }
  }

  @Test
  void everyInjectionPointOfANameGetsTheSameCache() {
    assertThat(users).isSameAs(sameUsers).isSameAs(caches.get("arc-users"));
    assertThat(users.name()).isEqualTo("arc-users");
  }

  @Test
  void aHitDoesNotRunTheMethod() {
    int before = lookups.calls("user");

    assertThat(lookups.user("1")).isEqualTo("user 1");
    assertThat(lookups.user("1")).isEqualTo("user 1");

    assertThat(lookups.calls("user") - before).isEqualTo(1);
    assertThat(users.get("1")).isEqualTo("user 1");
  }

  @Test
  void onlyCacheKeyParametersFormTheKey() {
    int before = lookups.calls("greeting");

    assertThat(lookups.greeting("ada", "r1")).isEqualTo("hello ada (r1)");
    assertThat(lookups.greeting("ada", "r2")).isEqualTo("hello ada (r1)");

    assertThat(lookups.calls("greeting") - before).isEqualTo(1);
  }

  @Test
  void tagTemplatesInvalidateTheRightEntriesInEveryCache() {
    lookups.user("1");
    lookups.user("2");
    lookups.uni("1").await().atMost(Duration.ofSeconds(5));

    writes.update("1");

    assertThat(users.has("1")).isFalse();
    assertThat(users.has("2")).isTrue();
    assertThat(caches.get("arc-uni").has("1")).as("tagged user:1 in another cache").isFalse();
  }

  @Test
  void anEmptyOptionalIsNotCached() {
    int before = lookups.calls("maybe");

    assertThat(lookups.maybe("none")).isEmpty();
    assertThat(lookups.maybe("none")).isEmpty();
    assertThat(lookups.maybe("x")).isEqualTo(Optional.of("found x"));
    assertThat(lookups.maybe("x")).isEqualTo(Optional.of("found x"));

    assertThat(lookups.calls("maybe") - before).isEqualTo(3);
  }

  @Test
  void aCheckedExceptionReachesTheCallerUnwrappedAndIsNotCached() throws IOException {
    lookups.failOnce("9");

    assertThatThrownBy(() -> lookups.checked("9")).isInstanceOf(IOException.class).hasMessage("backend down for 9");
    assertThat(lookups.checked("9")).isEqualTo("checked 9");
    assertThat(lookups.checked("9")).isEqualTo("checked 9");
  }

  @Test
  void aCompletionStageIsCachedWhenItCompletesAndAFailureIsNot() throws Exception {
    CompletableFuture<String> failing = new CompletableFuture<>();
    lookups.nextStage("s", failing);
    CompletionStage<String> first = lookups.async("s");
    failing.completeExceptionally(new IllegalStateException("timeout"));
    assertThat(first.toCompletableFuture()).isCompletedExceptionally();

    lookups.nextStage("s", CompletableFuture.completedFuture("done"));
    int before = lookups.calls("async");
    assertThat(lookups.async("s").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(lookups.async("s").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("done");

    assertThat(lookups.calls("async") - before).isEqualTo(1);
  }

  @Test
  void aUniIsLazyAndItsItemIsCachedButNotItsFailure() {
    lookups.failOnce("u");
    int before = lookups.calls("uni");

    Uni<String> uni = lookups.uni("u");
    assertThat(lookups.calls("uni")).as("nothing runs before a subscription").isEqualTo(before);
    assertThatThrownBy(() -> uni.await().atMost(Duration.ofSeconds(5))).hasMessage("no answer for u");
    assertThat(caches.get("arc-uni").has("u")).isFalse();
    assertThat(uni.await().atMost(Duration.ofSeconds(5))).as("resubscribing calls again").isEqualTo("uni u");
    assertThat(lookups.uni("u").await().atMost(Duration.ofSeconds(5))).isEqualTo("uni u");

    assertThat(lookups.calls("uni") - before).isEqualTo(2);
    assertThat(caches.get("arc-uni").get("u")).as("the item is cached, not the Uni").isEqualTo("uni u");
  }

  @Test
  void invalidateRemovesTheKeyOnlyAfterANormalReturn() {
    lookups.user("3");
    lookups.user("4");
    lookups.user("5");

    writes.rename("3", "Ada");
    assertThatThrownBy(() -> writes.renameOrFail("4")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> writes.renameBeforeAndFail("5")).isInstanceOf(IllegalStateException.class);

    assertThat(users.has("3")).isFalse();
    assertThat(users.has("4")).as("the method threw: nothing invalidated").isTrue();
    assertThat(users.has("5")).as("before = true").isFalse();
  }

  @Test
  void invalidateAllAndPatternsRemoveWhatTheySelect() {
    lookups.greeting("ada", "r");
    lookups.user("a1");
    lookups.user("a2");
    lookups.user("b1");

    writes.reloadGreetings();
    writes.drop("a");

    assertThat(caches.get("arc-greetings").size()).isZero();
    assertThat(users.has("a1")).isFalse();
    assertThat(users.has("a2")).isFalse();
    assertThat(users.has("b1")).isTrue();
  }

  @Test
  void anObserverWithCacheNameReceivesTheEventsOfThatCacheOnly() {
    events.forget();

    caches.get("arc-a").set("k1", "v");
    caches.get("arc-c").set("k2", "v");

    assertThat(events.ofCacheA()).containsExactly("arc-a SET k1");
    assertThat(events.sets()).as("@CacheEventKind(SET) without a name: every cache")
        .containsExactly("arc-a k1", "arc-c k2");
  }

  @Test
  void aThrowingObserverBreaksNeitherTheOperationNorTheData() {
    Cache<Object> b = caches.get("arc-b");

    b.set("k", "v");

    assertThat(b.get("k")).isEqualTo("v");
  }
}
