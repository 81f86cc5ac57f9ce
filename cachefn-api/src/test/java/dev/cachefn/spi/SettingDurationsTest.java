package dev.cachefn.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one duration grammar of CacheFn's settings: what it reads, and how it rejects the rest. */
class SettingDurationsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "PT10M    | 600000",
      "P1D      | 86400000",
      "pt0.5s   | 500",
      "500ms    | 500",
      "10s      | 10000",
      "' 5m '   | 300000",
      "1H       | 3600000",
      "2d       | 172800000",
      "10 s     | 10000",
  })
  void readsIsoDurationsAndWholeNumbersWithAUnit(String text, long millis) {
    assertThat(SettingDurations.parse(text, "property p")).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "soon       | property p must be an ISO-8601 duration such as PT10M or P1D, or a whole number with a unit",
      "10 minutes | got '10 minutes'",
      "1.5s       | got '1.5s'",
      "''         | got ''",
      "2000       | got '2000' (a number needs a unit, such as 2000ms or 2000s)",
      "-5m        | property p must be an ISO-8601 duration",
      "0s         | property p must be a positive duration; got '0s'",
      "PT0S       | property p must be a positive duration; got 'PT0S'",
      "-PT1S      | property p must be a positive duration; got '-PT1S'",
  })
  void rejectsEverythingElseNamingTheSettingAndTheValue(String text, String message) {
    assertThatThrownBy(() -> SettingDurations.parse(text, "property p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
