package dev.cachefn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.spi.CacheMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerCacheMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double gauge(String name, String cache, String application) {
    Gauge gauge = registry.find(name).tags("cache", cache, "application", application).gauge();
    assertThat(gauge).as(name).isNotNull();
    return gauge.value();
  }

  private double counter(String name, String cache, String application) {
    FunctionCounter counter = registry.find(name).tags("cache", cache, "application", application).functionCounter();
    assertThat(counter).as(name).isNotNull();
    return counter.count();
  }

  @Test
  void countersAndGaugesReadTheCachesStatsWithARatioAndBytes() {
    Cache<String> users = CacheFn.<String>builder("users").maxSize(2).build();
    new MicrometerCacheMetrics(registry, "shop").register(users);
    users.set("a", "1");
    users.get("a");
    users.get("b");
    users.set("b", "2");
    users.set("c", "3");

    assertThat(counter("cachefn.cache.hits", "users", "shop")).isEqualTo(1);
    assertThat(counter("cachefn.cache.misses", "users", "shop")).isEqualTo(1);
    assertThat(counter("cachefn.cache.evictions", "users", "shop")).isEqualTo(1);
    assertThat(counter("cachefn.cache.expirations", "users", "shop")).isZero();
    assertThat(counter("cachefn.cache.decode.failures", "users", "shop")).isZero();
    assertThat(gauge("cachefn.cache.size", "users", "shop")).isEqualTo(2);
    assertThat(gauge("cachefn.cache.hit.ratio", "users", "shop")).isEqualTo(0.5);
    assertThat(gauge("cachefn.cache.memory", "users", "shop")).isPositive();
    assertThat(registry.find("cachefn.cache.memory").gauge().getId().getBaseUnit()).isEqualTo("bytes");
  }

  @Test
  void everyMeasureReadsItsOwnFigureOfTheStatsUnderItsName() {
    new MicrometerCacheMetrics(registry, "shop").register(FixedStatsCache.named("users"));

    assertThat(FixedStatsCache.EXPECTED).containsOnlyKeys(Measure.values());
    for (Measure measure : Measure.values()) {
      Meter meter = registry.find(measure.name).tags("cache", "users", "application", "shop").meter();
      assertThat(meter).as(measure.name).isNotNull();
      assertThat(meter).as(measure.name).isInstanceOf(measure.kind == Measure.Kind.COUNTER
          ? FunctionCounter.class : Gauge.class);
      assertThat(meter.measure().iterator().next().getValue()).as(measure.name)
          .isEqualTo(FixedStatsCache.EXPECTED.get(measure));
    }
    assertThat(registry.find("cachefn.cache.decode.failures").functionCounter().count()).isEqualTo(29);
  }

  @Test
  void aRegistryThatExportsOnlyWhatItsPlainCallsRegisterGetsEveryMeasureThroughThem() {
    PlainCallsOnlyRegistry application = new PlainCallsOnlyRegistry();
    CacheMetrics.Registration registration =
        new MicrometerCacheMetrics(application, "shop").register(FixedStatsCache.named("users"));

    for (Measure measure : Measure.values()) {
      String name = measure.inBytes() ? measure.name + ".bytes" : measure.name; // the unit in the name instead
      Meter meter = application.exported.find(name).tags("cache", "users", "application", "shop").meter();
      assertThat(meter).as(name).isNotNull();
      assertThat(meter).as(name).isInstanceOf(measure.kind == Measure.Kind.COUNTER
          ? FunctionCounter.class : Gauge.class);
      assertThat(meter.measure().iterator().next().getValue()).as(name)
          .isEqualTo(FixedStatsCache.EXPECTED.get(measure));
    }
    assertThat(application.exported.getMeters()).hasSize(Measure.values().length);

    registration.close();
    assertThat(application.exported.getMeters()).isEmpty();
  }

  @Test
  void twoApplicationsSharingOneRegistryKeepTheirOwnSeries() {
    Cache<String> first = CacheFn.<String>builder("users").build();
    Cache<String> second = CacheFn.<String>builder("users").build();
    new MicrometerCacheMetrics(registry, "app1").register(first);
    CacheMetrics.Registration app2 = new MicrometerCacheMetrics(registry, "app2").register(second);
    first.set("a", "1");
    second.set("a", "1");
    second.set("b", "1");

    assertThat(gauge("cachefn.cache.size", "users", "app1")).isEqualTo(1);
    assertThat(gauge("cachefn.cache.size", "users", "app2")).isEqualTo(2);

    app2.close();
    assertThat(registry.find("cachefn.cache.size").tags("application", "app2").gauge()).isNull();
    assertThat(gauge("cachefn.cache.size", "users", "app1")).isEqualTo(1);
  }

  @Test
  void withoutAnApplicationOnlyTheCacheTagIsSet() {
    new MicrometerCacheMetrics(registry, null).register(CacheFn.builder("users").build());

    assertThat(registry.find("cachefn.cache.size").gauge().getId().getTags())
        .extracting(tag -> tag.getKey()).containsExactly("cache");
  }
}
