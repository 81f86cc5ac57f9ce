package dev.cachefn.quarkus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.CacheEventType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The observers found at build time decide which event kinds of which cache reach CDI. */
class BuildTimeObserversTest {

  private final BuildTimeObservers observers = new BuildTimeObservers();

  @AfterEach
  void forget() {
    BuildTimeObservers.use(List.of());
  }

  @Test
  void withoutObserversNothingIsWanted() {
    for (CacheEventType kind : CacheEventType.values()) {
      assertThat(observers.wanted("users", kind, false)).isFalse();
      assertThat(observers.wanted("users", kind, true)).isFalse();
    }
  }

  @Test
  void anObserverSelectsItsCacheItsKindAndItsDelivery() {
    BuildTimeObservers.use(List.of(BuildTimeObservers.encode("users", "EVICTION", false),
        BuildTimeObservers.encode(null, "SET", true), BuildTimeObservers.encode("a\tb", null, false)));

    assertThat(observers.wanted("users", CacheEventType.EVICTION, false)).isTrue();
    assertThat(observers.wanted("users", CacheEventType.EVICTION, true)).isFalse();
    assertThat(observers.wanted("users", CacheEventType.HIT, false)).isFalse();
    assertThat(observers.wanted("orders", CacheEventType.EVICTION, false)).isFalse();
    assertThat(observers.wanted("orders", CacheEventType.SET, true)).as("any cache").isTrue();
    assertThat(observers.wanted("a\tb", CacheEventType.HIT, false)).as("any kind; a tab in a name").isTrue();
  }
}
