package dev.cachefn.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.CdiApp;
import dev.cachefn.cdi.NamedCaches;
import dev.cachefn.cdi.beans.CacheEventLog;
import org.junit.jupiter.api.Test;

/** A cache delivers to CDI only the event kinds that some observer wants: the others cost nothing. */
class CacheEventBridgeTest {

  @Test
  void withoutObserversNoKindIsConnected() {
    try (CdiApp app = CdiApp.start(dev.cachefn.cdi.beans.FakeTicker.class)) {
      app.bean(NamedCaches.class).get("users");

      assertThat(app.bean(CacheEventBridge.class).connectedKinds("users")).isEmpty();
    }
  }

  @Test
  void eachCacheConnectsTheKindsItsObserversSelect() {
    try (CdiApp app = CdiApp.start(CacheEventLog.class)) {
      NamedCaches caches = app.bean(NamedCaches.class);
      caches.get("users");
      caches.get("sessions");
      caches.get("reports");
      CacheEventBridge bridge = app.bean(CacheEventBridge.class);

      assertThat(bridge.connectedKinds("users")).as("@CacheName(\"users\") wants all kinds")
          .containsExactlyInAnyOrder(CacheEventType.values());
      assertThat(bridge.connectedKinds("sessions")).as("async SETs and every cache's evictions")
          .containsExactlyInAnyOrder(CacheEventType.SET, CacheEventType.EVICTION);
      assertThat(bridge.connectedKinds("reports")).containsExactly(CacheEventType.EVICTION);
    }
  }
}
