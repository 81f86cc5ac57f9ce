package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.beans.FakeTicker;
import dev.cachefn.cdi.beans.UserRepository;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cachefn.memoize.<class>.<method>.ttl} overrides the TTL of one memoized method. */
class MemoizeTtlConfigurationTest {

  private static final String FIND_TTL = "cachefn.memoize." + UserRepository.class.getName() + ".find.ttl";

  @Test
  void theConfiguredTtlReplacesTheAnnotations() {
    // find says ttl = "10m"
    try (CdiApp app = CdiApp.start(Map.of(FIND_TTL, "30s"), UserRepository.class, FakeTicker.class)) {
      UserRepository repository = app.bean(UserRepository.class);
      FakeTicker clock = app.bean(FakeTicker.class);

      repository.find("1", "t");
      clock.advance(Duration.ofSeconds(29));
      repository.find("1", "t");
      assertThat(repository.calls("find")).isEqualTo(1);

      clock.advance(Duration.ofSeconds(1));
      repository.find("1", "t");
      assertThat(repository.calls("find")).as("expired after the configured 30s").isEqualTo(2);
    }
  }

  @Test
  void theConfiguredTtlAppliesToAMethodWithoutOneAndBeatsTheCachesDefault() {
    String countTtl = "cachefn.memoize." + UserRepository.class.getName() + ".count.ttl";
    Map<String, String> config = Map.of(countTtl, "PT1M", "cachefn.cache.counts.default-ttl", "1h");
    try (CdiApp app = CdiApp.start(config, UserRepository.class, FakeTicker.class)) {
      UserRepository repository = app.bean(UserRepository.class);
      FakeTicker clock = app.bean(FakeTicker.class);

      repository.count("ab", 2);
      clock.advance(Duration.ofMinutes(1));
      repository.count("ab", 2);

      assertThat(repository.calls("count")).isEqualTo(2);
    }
  }

  @Test
  void otherMethodsKeepTheirAnnotationsTtl() {
    String countTtl = "cachefn.memoize." + UserRepository.class.getName() + ".count.ttl";
    try (CdiApp app = CdiApp.start(Map.of(countTtl, "1s"), UserRepository.class, FakeTicker.class)) {
      UserRepository repository = app.bean(UserRepository.class);
      repository.find("1", "t");
      app.bean(FakeTicker.class).advance(Duration.ofMinutes(9));
      repository.find("1", "t");

      assertThat(repository.calls("find")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "find.ttl     | ten minutes | property " + "PREFIX" + "find.ttl must be an ISO-8601 duration such as PT10M",
      "find.ttl     | 0s          | property " + "PREFIX" + "find.ttl must be a positive duration; got '0s'",
      "find.ttl     | -5m         | property " + "PREFIX" + "find.ttl must be an ISO-8601 duration",
      "fnd.ttl      | 5m          | property " + "PREFIX" + "fnd.ttl names no @Memoize method",
      "find.max-size | 5          | unknown property " + "PREFIX" + "find.max-size; the TTL of a memoized method",
  })
  void aBadValueOrAnUnknownMethodFailsTheDeploymentNamingTheProperty(String suffix, String value, String message) {
    String prefix = "cachefn.memoize." + UserRepository.class.getName() + ".";
    assertThatThrownBy(() -> CdiApp.start(Map.of(prefix + suffix, value), UserRepository.class).close())
        .hasMessageContaining("CacheFn configuration: ")
        .hasMessageContaining(message.replace("PREFIX", prefix));
  }
}
