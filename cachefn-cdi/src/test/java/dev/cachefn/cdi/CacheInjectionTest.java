package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.UserAudit;
import dev.cachefn.cdi.beans.UserDirectory;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheInjectionTest {

  @Test
  void everyInjectionPointOfOneNameGetsTheSameInstance() {
    try (CdiApp app = CdiApp.start(UserDirectory.class, UserAudit.class)) {
      UserDirectory directory = app.bean(UserDirectory.class);
      Cache<String> users = directory.users();

      assertThat(users.name()).isEqualTo("users");
      assertThat(directory.usersFromConstructor()).isSameAs(users);
      assertThat(app.bean(UserAudit.class).users()).isSameAs(users);
      assertThat(app.bean(UserAudit.class).users()).isSameAs(users);
      assertThat(app.bean(new TypeLiteral<Cache<String>>() {}, CacheName.Literal.of("users"))).isSameAs(users);
    }
  }

  @Test
  void differentNamesGetDifferentCaches() {
    try (CdiApp app = CdiApp.start(UserDirectory.class)) {
      UserDirectory directory = app.bean(UserDirectory.class);

      directory.users().set("k", "a user");

      assertThat(directory.sessions()).isNotSameAs(directory.users());
      assertThat(directory.sessions().name()).isEqualTo("sessions");
      assertThat(directory.sessions().has("k")).isFalse();
    }
  }

  @Test
  void namedCachesReturnsTheInjectedInstanceAndCreatesOthersOnDemand() {
    try (CdiApp app = CdiApp.start(UserDirectory.class)) {
      NamedCaches caches = app.bean(NamedCaches.class);
      Cache<String> injected = app.bean(UserDirectory.class).users();

      assertThat(caches.<String>get("users")).isSameAs(injected);
      Cache<Integer> reports = caches.get("reports");
      assertThat(caches.<Integer>get("reports")).isSameAs(reports);
      assertThat(caches.names()).contains("users", "reports");
    }
  }

  @Test
  void aCacheTakesItsSizeTtlAndStatsFromConfiguration() {
    Map<String, String> config = Map.of(
        "cachefn.cache.users.max-size", "2",
        "cachefn.cache.users.eviction-policy", "lru", // the test names the entry LRU evicts
        "cachefn.cache.users.default-ttl", "10s",
        "cachefn.cache.users.stats-enabled", "false");
    try (CdiApp app = CdiApp.start(config, UserDirectory.class, FakeTicker.class)) {
      Cache<String> users = app.bean(UserDirectory.class).users();
      FakeTicker clock = app.bean(FakeTicker.class);

      users.set("a", "A");
      users.set("b", "B");
      users.set("c", "C"); // evicts a: max-size 2
      assertThat(users.keys("*")).containsExactlyInAnyOrder("b", "c");
      assertThat(users.get("b")).isEqualTo("B");
      assertThat(users.stats().hits()).as("stats off").isZero();

      clock.advance(Duration.ofSeconds(10));
      assertThat(users.get("b")).as("expired after the configured 10s").isNull();
    }
  }

  @Test
  void theEvictionPolicyComesFromConfiguration() {
    Map<String, String> config = Map.of(
        "cachefn.default.max-size", "100",
        "cachefn.cache.sessions.eviction-policy", "lru");
    try (CdiApp app = CdiApp.start(config, UserDirectory.class)) {
      UserDirectory directory = app.bean(UserDirectory.class);

      // a loop over 150 keys through 100 entries: LRU always evicts the key that comes next
      assertThat(hitsOnLoop(directory.users(), "x")).as("the default, adaptive-frequency, keeps part of the loop")
          .isPositive();
      assertThat(hitsOnLoop(directory.sessions(), 0L)).as("lru, exact").isZero();
    }
  }

  private static <V> long hitsOnLoop(Cache<V> cache, V value) {
    long before = cache.stats().hits();
    for (int round = 0; round < 20; round++) {
      for (int key = 0; key < 150; key++) {
        if (cache.get("k" + key) == null) {
          cache.set("k" + key, value);
        }
      }
    }
    return cache.stats().hits() - before;
  }

  @Test
  void defaultsApplyToEveryCacheThatDoesNotSetItsOwn() {
    Map<String, String> config = Map.of(
        "cachefn.default.default-ttl", "PT1M",
        "cachefn.default.max-size", "1",
        "cachefn.cache.sessions.max-size", "3");
    try (CdiApp app = CdiApp.start(config, UserDirectory.class, FakeTicker.class)) {
      UserDirectory directory = app.bean(UserDirectory.class);
      FakeTicker clock = app.bean(FakeTicker.class);

      directory.users().set("a", "A");
      directory.users().set("b", "B");
      directory.sessions().set("a", 1L);
      directory.sessions().set("b", 2L);
      assertThat(directory.users().size()).as("default max-size 1").isEqualTo(1);
      assertThat(directory.sessions().size()).as("own max-size 3").isEqualTo(2);

      clock.advance(Duration.ofSeconds(59));
      assertThat(directory.sessions().get("a")).isEqualTo(1L);
      clock.advance(Duration.ofSeconds(1));
      assertThat(directory.sessions().get("a")).as("default ttl 1m").isNull();
    }
  }

  @Test
  void withoutConfigurationACacheHasTheLibraryDefaults() {
    try (CdiApp app = CdiApp.start(UserDirectory.class, FakeTicker.class)) {
      Cache<String> users = app.bean(UserDirectory.class).users();
      users.set("a", "A");
      app.bean(FakeTicker.class).advance(Duration.ofDays(365));

      assertThat(users.get("a")).as("no default ttl").isEqualTo("A");
      assertThat(users.stats().hits()).as("stats on").isEqualTo(1);
    }
  }
}
