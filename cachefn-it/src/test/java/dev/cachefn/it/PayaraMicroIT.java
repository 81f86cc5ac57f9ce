package dev.cachefn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Payara Micro 7 (Weld, MicroProfile Metrics 5 on {@code /metrics}); needs a JDK 21+. */
class PayaraMicroIT {

  @Test
  @Timeout(540)
  void twoApplicationsCacheAndReportMetricsAndABadSettingFailsItsDeployment() {
    Optional<Path> java = Jdks.java(21);
    assumeTrue(java.isPresent(), "Payara Micro 7 needs a JDK 21+; none found (set -Dcachefn.it.java21=<JDK home>)");
    Path work = Path.of(System.getProperty("cachefn.it.servers"), "payara-run");
    TestWars.writeTo(work);
    int port = ServerProcess.freePort();
    List<String> command = List.of(java.get().toString(), "-jar", System.getProperty("cachefn.it.payara"),
        "--nocluster", "--port", String.valueOf(port), "--rootdir", work.resolve("root").toString(),
        "--deploy", work.resolve("app1.war").toString(), "--deploy", work.resolve("app2.war").toString(),
        "--deploy", work.resolve("bad.war").toString());
    try (ServerProcess server = ServerProcess.start(command, work, work.resolve("server.log"), Map.of())) {
      String base = "http://localhost:" + port;
      server.await("app1 and app2", Duration.ofSeconds(420),
          () -> Http.get(base + "/app1/check?action=names").ok() && Http.get(base + "/app2/check?action=names").ok());
      server.await("bad.war's failure", Duration.ofSeconds(60), () -> server.log().contains(TestWars.BAD_MESSAGE));

      AppChecks.cachesExistFromStartUp(base + "/app1");
      AppChecks.cachesExistFromStartUp(base + "/app2");
      AppChecks.cachingWorks(base + "/app1");
      AppChecks.cachingWorks(base + "/app2");
      assertThat(Http.get(base + "/bad/check?action=names").ok()).as("bad.war is not deployed").isFalse();

      Http.Response metrics = Http.get(base + "/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      AppChecks.metricsOfBothApplications(metrics.body());
      assertThat(server.log()).contains("CacheFn metrics: reported through MicroProfile Metrics");
    }
  }
}
