package dev.cachefn.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheEventType;
import dev.cachefn.Ticker;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.Memoize;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Memoize(refreshAfter)} and the {@code negative-ttl} key under ArC: the build finds which caches need
 * write times, and a due call returns at once while the method runs again in the background (awaited through
 * the cache's {@code REFRESH} event, not a sleep).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FreshnessTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Prices.class, Clock.class))
      .overrideConfigKey("cachefn.cache.absent.negative-ttl", "1m");

  @Inject Prices prices;
  @Inject Clock clock;
  @Inject @CacheName("prices") Cache<String> cache;

  @Test
  void aDueCallReturnsTheCachedResultAndTheMethodRunsAgainInTheBackground() throws Exception {
    CountDownLatch refreshed = new CountDownLatch(1);
    cache.on(CacheEventType.REFRESH, event -> refreshed.countDown());
    assertThat(prices.price("a")).isEqualTo("a#1");
    clock.advance(Duration.ofSeconds(30));

    assertThat(prices.price("a")).isEqualTo("a#1");

    assertThat(refreshed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(prices.price("a")).isEqualTo("a#2");
  }

  @Test
  void theConfiguredNegativeTtlRemembersANullResult() {
    assertThat(prices.absent("a")).isNull();
    assertThat(prices.absent("a")).isNull();
    assertThat(prices.absentCalls()).isEqualTo(1);
  }

  @ApplicationScoped
  public static class Prices {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger absentCalls = new AtomicInteger();

    @Memoize(cache = "prices", ttl = "1m", refreshAfter = "30s")
    public String price(String sku) {
      return sku + "#" + calls.incrementAndGet();
    }

    public int absentCalls() { // through the client proxy: a method, not the field
      return absentCalls.get();
    }

    @Memoize(cache = "absent")
    public String absent(String sku) {
      absentCalls.incrementAndGet();
      return null;
    }
  }

  /** The clock of every cache. */
  @ApplicationScoped
  public static class Clock implements Ticker {
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }
  }
}
