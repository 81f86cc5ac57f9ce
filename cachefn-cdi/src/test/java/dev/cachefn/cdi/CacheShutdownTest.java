package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.UserDirectory;
import dev.cachefn.cdi.beans.UserRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cache of the application is closed when the container shuts down. */
class CacheShutdownTest {

  @Test
  void injectedLookedUpAndMemoizeCachesAreClosedWhenTheContainerShutsDown() {
    Cache<String> users;
    Cache<Object> reports;
    Cache<Object> memoized;
    try (CdiApp app = CdiApp.start(UserDirectory.class, UserRepository.class, FakeTicker.class)) {
      users = app.bean(UserDirectory.class).users();
      users.set("k", "v");
      NamedCaches caches = app.bean(NamedCaches.class);
      reports = caches.get("reports");
      app.bean(UserRepository.class).count("ab", 2);
      memoized = caches.get("counts");
      assertThat(users.get("k")).isEqualTo("v");
    }

    for (Cache<?> cache : List.of(users, reports, memoized)) {
      assertThatThrownBy(() -> cache.get("k"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("cache '" + cache.name() + "' is closed");
    }
  }

  @Test
  void aContainerThatCreatedNoCacheShutsDownCleanly() {
    try (CdiApp app = CdiApp.start(FakeTicker.class)) {
      assertThat(app.bean(FakeTicker.class).read()).isZero();
    }
  }
}
