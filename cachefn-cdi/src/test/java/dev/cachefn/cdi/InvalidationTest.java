package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.cdi.beans.User;
import dev.cachefn.cdi.beans.UserRepository;
import dev.cachefn.cdi.beans.UserService;
import jakarta.enterprise.context.Dependent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvalidationTest {

  private static final User ADA = new User("1", "Ada", new User.Team("core"));
  private static final User BOB = new User("2", "Bob", new User.Team("web"));

  private CdiApp app;
  private UserRepository repository;
  private UserService service;
  private Cache<Object> users;

  @BeforeEach
  void start() {
    app = CdiApp.start(UserRepository.class, UserService.class);
    repository = app.bean(UserRepository.class);
    service = app.bean(UserService.class);
    users = app.bean(NamedCaches.class).get("users");
    repository.find("1", "t");
    repository.find("2", "t");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void invalidateRemovesTheKeyThatMemoizeComputedFromTheSameCacheKeyValues() {
    service.rename("1", "Ada");

    assertThat(users.keys("*")).containsExactly("2");
    repository.find("1", "t");
    assertThat(repository.calls("find")).isEqualTo(3);
  }

  @Test
  void nothingIsInvalidatedWhenTheMethodThrows() {
    assertThatThrownBy(() -> service.renameOrFail("1")).hasMessage("rename failed");

    assertThat(users.keys("*")).containsExactlyInAnyOrder("1", "2");
  }

  @Test
  void beforeInvalidatesEvenWhenTheMethodThenThrows() {
    assertThatThrownBy(() -> service.renameBeforeAndFail("1")).hasMessage("rename failed");

    assertThat(users.keys("*")).containsExactly("2");
  }

  @Test
  void invalidateAllEmptiesTheCache() {
    service.reloadAll();

    assertThat(users.size()).isZero();
  }

  @Test
  void invalidateTagsWithoutACacheActsOnEveryCache() {
    repository.greet(ADA);

    service.update(ADA);

    assertThat(users.keys("*")).containsExactly("2");
    assertThat(app.bean(NamedCaches.class).get("greetings").size()).isZero();
  }

  @Test
  void invalidateTagsReadsParametersByPosition() {
    repository.greet(ADA);
    repository.greet(BOB);

    service.renameTeam("web");

    assertThat(app.bean(NamedCaches.class).get("greetings").keys("*")).hasSize(1);
    assertThat(users.size()).isEqualTo(2);
  }

  @Test
  void invalidatePatternEscapesTheValuesItReads() {
    repository.count("ab", 1);
    repository.count("ac", 1);
    repository.count("b", 1);
    Cache<Object> counts = app.bean(NamedCaches.class).get("counts");

    service.dropCounts("a*"); // the literal prefix "a*", not "a" followed by anything
    assertThat(counts.size()).isEqualTo(3);

    service.dropCounts("a");
    assertThat(counts.keys("*")).containsExactly("b:1");
  }

  @Test
  void everyInvalidationAnnotationOfAMethodActs() {
    repository.greet(ADA);
    repository.greet(BOB);

    service.moveToTeam("1", "web");

    assertThat(users.keys("*")).containsExactly("2");
    repository.greet(ADA);
    assertThat(repository.calls("greet")).as("Ada's greeting, team core, is still cached").isEqualTo(2);
    repository.greet(BOB);
    assertThat(repository.calls("greet")).as("Bob's greeting, team web, was removed").isEqualTo(3);
  }

  @Test
  void aBeforeInvalidationActsWhenTheMethodThrowsAndAnAfterOneOnTheSameMethodDoesNot() {
    repository.greet(ADA);

    assertThatThrownBy(() -> service.moveBeforeAndFail("1")).hasMessage("move failed");

    assertThat(users.keys("*")).containsExactly("2");
    assertThat(app.bean(NamedCaches.class).get("greetings").size()).isEqualTo(1);
  }

  @Test
  void anAsynchronousMethodInvalidatesWhenItCompletesNormally() {
    CompletableFuture<String> done = new CompletableFuture<>();
    CompletionStage<String> result = service.updateAsync(done);
    assertThat(users.size()).as("not yet completed").isEqualTo(2);

    done.complete("ok");

    assertThat(result.toCompletableFuture().join()).isEqualTo("ok");
    assertThat(users.size()).isZero();
  }

  @Test
  void anAsynchronousMethodThatFailsInvalidatesNothing() {
    CompletableFuture<String> done = new CompletableFuture<>();
    CompletionStage<String> result = service.updateAsync(done);

    done.completeExceptionally(new IllegalStateException("write failed"));

    assertThat(result.toCompletableFuture()).isCompletedExceptionally();
    assertThat(users.size()).isEqualTo(2);
  }

  @Dependent
  static class UnknownTemplateParameter {
    @InvalidateTags("user:{userId}")
    public void update(String id) {}
  }

  @Dependent
  static class BlankCache {
    @InvalidateAll(cache = " ")
    public void reload() {}
  }

  @Dependent
  static class MalformedPattern {
    @InvalidatePattern(cache = "users", value = "user:[a")
    public void drop() {}
  }

  @Test
  void aBadInvalidationFailsTheDeploymentNamingTheMethod() {
    assertThatThrownBy(() -> CdiApp.start(UnknownTemplateParameter.class).close())
        .hasMessageContaining("@InvalidateTags on " + UnknownTemplateParameter.class.getName() + ".update(String):"
            + " template 'user:{userId}' refers to '{userId}', but the method has no parameter 'userId'");
    assertThatThrownBy(() -> CdiApp.start(BlankCache.class).close())
        .hasMessageContaining("@InvalidateAll on " + BlankCache.class.getName() + ".reload(): cache must name a cache");
    assertThatThrownBy(() -> CdiApp.start(MalformedPattern.class).close())
        .hasMessageContaining("@InvalidatePattern on " + MalformedPattern.class.getName() + ".drop(): malformed glob");
  }
}
