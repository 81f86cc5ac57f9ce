package dev.cachefn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Payara Micro 7 (Weld, MicroProfile Metrics 5 on {@code /metrics}); needs a JDK 21+. */
class PayaraMicroIT {

  @Test
  @Timeout(540)
  void twoApplicationsCacheAndReportMetricsAndABadSettingFailsItsDeployment() throws IOException {
    Optional<Path> java = Jdks.java(21);
    assumeTrue(java.isPresent(),
        "Payara Micro 7 needs a JDK 21+ and none was found: set CACHEFN_SECOND_JDK to one (.ci/run does)");
    Path work = Path.of(System.getProperty("cachefn.it.servers"), "payara-run");
    deleteRecursively(work.resolve("root")); // an earlier run's root directory would redeploy its applications
    TestWars.writeTo(work);
    int port = ServerProcess.freePort();
    List<String> command = List.of(java.get().toString(), "-jar", System.getProperty("cachefn.it.payara"),
        "--nocluster", "--port", String.valueOf(port), "--rootdir", work.resolve("root").toString(),
        "--deploy", work.resolve("app1.war").toString(), "--deploy", work.resolve("app2.war").toString(),
        "--deploy", work.resolve("bad.war").toString());
    try (ServerProcess server = ServerProcess.start(command, work, work.resolve("server.log"), Map.of())) {
      String base = "http://localhost:" + port;
      AppChecks.onServerThatLogsFailures(server, base);

      Http.Response metrics = Http.get(base + "/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      AppChecks.metricsOfBothApplications(metrics.body());
      assertThat(server.log()).contains("CacheFn metrics: reported through MicroProfile Metrics");
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
