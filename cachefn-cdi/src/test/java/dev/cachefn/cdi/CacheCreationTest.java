package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.spi.CacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Making a cache runs the application's code (here a metrics bean) with no lock of the registry held. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CacheCreationTest {

  /**
   * While "Aa" is registered, asks another thread for "BB" and waits for it. The two names have the same
   * hash code, so they share a bin of any hash map: made inside the map's lock, "BB" would wait for "Aa".
   */
  @ApplicationScoped
  static class WaitingMetrics implements CacheMetrics {
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    @Inject NamedCaches caches;

    @Override
    public Registration register(Cache<?> cache) {
      if (cache.name().equals("Aa")) {
        try {
          other.submit(() -> caches.get("BB")).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("cache BB could not be made while Aa was", e);
        } finally {
          other.shutdown();
        }
      }
      return () -> {};
    }
  }

  @Test
  void aMetricsBeanThatWaitsForAnotherCacheBeingMadeDoesNotHoldItUp() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    try (CdiApp app = CdiApp.start(WaitingMetrics.class)) {
      NamedCaches caches = app.bean(NamedCaches.class);

      Cache<String> aa = caches.get("Aa");

      assertThat(aa.name()).isEqualTo("Aa");
      assertThat(caches.names()).contains("Aa", "BB");
      assertThat(caches.<String>get("Aa")).isSameAs(aa);
    }
  }
}
