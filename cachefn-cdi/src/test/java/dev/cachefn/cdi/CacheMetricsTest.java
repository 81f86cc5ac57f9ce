package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.cdi.beans.ApplicationMetrics;
import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.RecordingCacheMetrics;
import dev.cachefn.cdi.beans.UserDirectory;
import dev.cachefn.cdi.beans.UserRepository;
import io.smallrye.metrics.legacyapi.LegacyMetricsExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

/** Cache metrics in MicroProfile Metrics 5 (SmallRye Metrics), and the SPI that chooses where they go. */
class CacheMetricsTest {

  private static final String HITS = "cachefn.cache.hits";
  private static final String MISSES = "cachefn.cache.misses";
  private static final String EVICTIONS = "cachefn.cache.evictions";
  private static final String EXPIRATIONS = "cachefn.cache.expirations";
  private static final String DECODE_FAILURES = "cachefn.cache.decode.failures";
  private static final String SIZE = "cachefn.cache.size";
  private static final String HIT_RATIO = "cachefn.cache.hit.ratio";
  private static final String MEMORY = "cachefn.cache.memory";

  private static final Map<String, String> SMALL_USERS_CACHE =
      Map.of("cachefn.cache.users.max-size", "1", "cachefn.cache.users.default-ttl", "10s");

  private static CdiApp withMicroProfileMetrics(Map<String, String> config, Class<?>... beans) {
    Class<?>[] all = Arrays.copyOf(beans, beans.length + 1);
    all[beans.length] = ApplicationMetrics.class;
    return CdiApp.start(config, List.<Extension>of(new LegacyMetricsExtension()), all);
  }

  private static MetricID id(String name, String cache) {
    return new MetricID(name, new Tag("cache", cache));
  }

  @Test
  void everyCacheHasItsCountersAndGaugesTaggedWithItsName() {
    try (CdiApp app = withMicroProfileMetrics(Map.of(), UserDirectory.class)) {
      app.bean(UserDirectory.class).users();
      app.bean(NamedCaches.class).get("reports");
      MetricRegistry registry = app.bean(ApplicationMetrics.class).registry();

      List<String> registered = registry.getMetricIDs().stream()
          .map(id -> id.getName() + "{" + id.getTagsAsString() + "}").toList();
      for (String cache : List.of("users", "sessions", "reports")) {
        for (String name : List.of(HITS, MISSES, EVICTIONS, EXPIRATIONS, DECODE_FAILURES, SIZE, HIT_RATIO, MEMORY)) {
          assertThat(registered).contains(name + "{cache=\"" + cache + "\"}");
        }
      }
      assertThat(registry.getMetadata(MEMORY).unit()).hasValue("bytes");
    }
  }

  @Test
  void countersCountHitsMissesEvictionsAndExpirationsAndGaugesReadTheCache() {
    try (CdiApp app = withMicroProfileMetrics(SMALL_USERS_CACHE, UserDirectory.class, FakeTicker.class)) {
      Cache<String> users = app.bean(UserDirectory.class).users();
      MetricRegistry registry = app.bean(ApplicationMetrics.class).registry();

      users.set("a", "A");
      users.get("a");
      users.get("a");
      users.get("a");
      users.get("absent");
      assertThat(registry.getGauge(id(SIZE, "users")).getValue().longValue()).isEqualTo(1);
      assertThat(registry.getGauge(id(HIT_RATIO, "users")).getValue().doubleValue()).isEqualTo(0.75);
      assertThat(registry.getGauge(id(MEMORY, "users")).getValue().longValue()).isPositive();
      assertThat(registry.getGauge(id(DECODE_FAILURES, "users")).getValue().longValue()).isZero();
      users.set("b", "B"); // max-size 1: evicts a
      app.bean(FakeTicker.class).advance(Duration.ofSeconds(10));
      users.get("b"); // expired: a miss

      assertThat(registry.getCounter(id(HITS, "users")).getCount()).isEqualTo(3);
      assertThat(registry.getCounter(id(MISSES, "users")).getCount()).isEqualTo(2);
      assertThat(registry.getCounter(id(EVICTIONS, "users")).getCount()).isEqualTo(1);
      assertThat(registry.getCounter(id(EXPIRATIONS, "users")).getCount()).isEqualTo(1);
      assertThat(registry.getGauge(id(SIZE, "users")).getValue().longValue()).isZero();
    }
  }

  @Test
  void memoizedCallsCountAsHitsAndMissesOfTheirCache() {
    try (CdiApp app = withMicroProfileMetrics(Map.of(), UserRepository.class, FakeTicker.class)) {
      UserRepository repository = app.bean(UserRepository.class);
      MetricRegistry registry = app.bean(ApplicationMetrics.class).registry();

      repository.find("1", "t");
      repository.find("1", "t");
      repository.find("1", "t");

      assertThat(registry.getCounter(id(MISSES, "users")).getCount()).isEqualTo(1);
      assertThat(registry.getCounter(id(HITS, "users")).getCount()).isEqualTo(2);
    }
  }

  @Test
  void theMetricsOfACacheAreRemovedWhenTheContainerShutsDownAndStartFromZeroInTheNext() {
    MetricRegistry registry;
    try (CdiApp app = withMicroProfileMetrics(Map.of(), UserDirectory.class)) {
      Cache<String> users = app.bean(UserDirectory.class).users();
      users.get("absent");
      registry = app.bean(ApplicationMetrics.class).registry();
      assertThat(registry.getCounter(id(MISSES, "users")).getCount()).isEqualTo(1);
    }
    assertThat(registry.getMetricIDs()).noneMatch(id -> id.getName().startsWith("cachefn."));

    try (CdiApp app = withMicroProfileMetrics(Map.of(), UserDirectory.class)) {
      app.bean(UserDirectory.class).users();
      assertThat(app.bean(ApplicationMetrics.class).registry().getCounter(id(MISSES, "users")).getCount())
          .isZero();
    }
  }

  @Test
  void anApplicationsCacheMetricsBeanIsUsedInsteadOfMicroProfileMetrics() {
    RecordingCacheMetrics.REGISTERED.clear();
    RecordingCacheMetrics.RELEASED.clear();
    MetricRegistry registry;
    try (CdiApp app = withMicroProfileMetrics(Map.of(), UserDirectory.class, RecordingCacheMetrics.class)) {
      app.bean(UserDirectory.class).users();
      registry = app.bean(ApplicationMetrics.class).registry();

      assertThat(RecordingCacheMetrics.REGISTERED).containsExactlyInAnyOrder("users", "sessions");
      assertThat(registry.getMetricIDs()).noneMatch(id -> id.getName().startsWith("cachefn."));
    }
    assertThat(RecordingCacheMetrics.RELEASED).containsExactlyInAnyOrder("users", "sessions");
  }
}
