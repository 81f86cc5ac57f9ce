package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.beans.CacheEventLog;
import dev.cachefn.cdi.beans.FailingObserver;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CacheEventsTest {

  @Test
  void anObserverWithCacheNameReceivesTheEventsOfThatCacheOnly() throws Exception {
    try (CdiApp app = CdiApp.start(CacheEventLog.class)) {
      NamedCaches caches = app.bean(NamedCaches.class);
      Cache<String> users = caches.get("users");
      Cache<String> sessions = caches.get("sessions");

      users.set("1", "Ada");
      users.get("1");
      users.get("2");
      sessions.set("s", "x");
      users.invalidate("1");

      assertThat(app.bean(CacheEventLog.class).users())
          .extracting(CacheEvent::type, CacheEvent::cacheName, CacheEvent::key)
          .containsExactly(
              tuple(CacheEventType.SET, "users", "1"),
              tuple(CacheEventType.HIT, "users", "1"),
              tuple(CacheEventType.MISS, "users", "2"),
              tuple(CacheEventType.INVALIDATE, "users", "1"));
      // let the asynchronous delivery of the sessions SET finish before the container stops
      app.bean(CacheEventLog.class).firstAsyncSession().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anObserverWithCacheEventKindReceivesThatKindFromEveryCache() {
    Map<String, String> config = Map.of("cachefn.default.max-size", "1");
    try (CdiApp app = CdiApp.start(config, CacheEventLog.class)) {
      NamedCaches caches = app.bean(NamedCaches.class);
      caches.<String>get("users").set("1", "Ada");
      caches.<String>get("users").set("2", "Bob");
      caches.<String>get("reports").set("a", "A");
      caches.<String>get("reports").set("b", "B");

      assertThat(app.bean(CacheEventLog.class).evictions())
          .extracting(CacheEvent::cacheName, CacheEvent::key, CacheEvent::value)
          .containsExactly(
              tuple("users", "1", "Ada"),
              tuple("reports", "a", "A"));
    }
  }

  @Test
  void anAsynchronousObserverReceivesEventsOnAnotherThread() throws Exception {
    try (CdiApp app = CdiApp.start(CacheEventLog.class)) {
      app.bean(NamedCaches.class).<String>get("sessions").set("s", "x");

      CacheEvent<?> event = app.bean(CacheEventLog.class).firstAsyncSession().get(10, TimeUnit.SECONDS);
      assertThat(event.type()).isEqualTo(CacheEventType.SET);
      assertThat(event.key()).isEqualTo("s");
      assertThat(app.bean(CacheEventLog.class).asyncThreads()).doesNotContain(Thread.currentThread().getName());
    }
  }

  @Test
  void aThrowingObserverBreaksNeitherTheOperationNorTheData() {
    try (CdiApp app = CdiApp.start(FailingObserver.class)) {
      Cache<String> users = app.bean(NamedCaches.class).get("users");

      users.set("1", "Ada");

      assertThat(users.get("1")).isEqualTo("Ada");
      assertThat(users.invalidate("1")).isEqualTo(1);
      assertThat(users.has("1")).isFalse();
    }
  }
}
