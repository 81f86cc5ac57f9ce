package dev.cachefn.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsLibrariesTest {

  @Test
  void theLibrariesOnTheTestClassPathAreFoundAndAMissingOneIsNot() {
    assertThat(MetricsLibraries.hasOpenTelemetry()).isTrue();
    assertThat(MetricsLibraries.hasMicrometer()).isTrue();
    assertThat(MetricsLibraries.hasMicroProfileMetrics()).isTrue();
  }
}
