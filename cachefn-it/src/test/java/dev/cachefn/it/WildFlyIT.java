package dev.cachefn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * WildFly with {@code standalone-microprofile.xml} (Weld, no MicroProfile Metrics), plus its Micrometer subsystem
 * with a Prometheus registry on the management port: CacheFn reports through the application's
 * {@code MeterRegistry}, and both applications' series are on {@code /prometheus}.
 */
class WildFlyIT {

  /** The ports of standalone-microprofile.xml before the offset: http, https, management, AJP, transactions. */
  private static final int[] PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};

  @Test
  @Timeout(540)
  void twoApplicationsCacheAndReportMetricsAndABadSettingFailsItsDeployment() throws IOException {
    Path home = Path.of(System.getProperty("cachefn.it.wildfly"));
    Path configuration = home.resolve("standalone/configuration");
    Files.writeString(configuration.resolve("standalone-cachefn.xml"),
        withPrometheus(Files.readString(configuration.resolve("standalone-microprofile.xml"))));
    Path deployments = home.resolve("standalone/deployments");
    for (String war : List.of("app1.war", "app2.war", "bad.war")) {
      for (String marker : List.of(".deployed", ".failed", ".undeployed", ".isdeploying")) {
        Files.deleteIfExists(deployments.resolve(war + marker)); // left by an earlier run in this directory
      }
    }
    TestWars.writeTo(deployments);
    int offset = freeOffset();
    List<String> command = List.of("bash", "bin/standalone.sh", "-c", "standalone-cachefn.xml",
        "--stability=community", "-Djboss.socket.binding.port-offset=" + offset);
    Map<String, String> environment = Map.of("JAVA_HOME", System.getProperty("java.home"),
        "LAUNCH_JBOSS_IN_BACKGROUND", "true");
    try (ServerProcess server = ServerProcess.start(command, home, home.resolve("cachefn-it.log"), environment)) {
      server.await("the three deployments", Duration.ofSeconds(420),
          () -> Files.exists(deployments.resolve("app1.war.deployed"))
              && Files.exists(deployments.resolve("app2.war.deployed"))
              && Files.exists(deployments.resolve("bad.war.failed")));
      assertThat(Files.readString(deployments.resolve("bad.war.failed"))).contains(TestWars.BAD_MESSAGE);

      String base = "http://localhost:" + (8080 + offset);
      AppChecks.bothApplicationsWork(base);

      assertThat(server.log()).contains("CacheFn metrics: reported through Micrometer, tagged application=app1",
          "CacheFn metrics: reported through Micrometer, tagged application=app2");
      Http.Response metrics = Http.get("http://localhost:" + (9990 + offset) + "/prometheus");
      assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
      Files.writeString(home.resolveSibling("wildfly-prometheus.txt"), metrics.body()); // to read when a check fails
      AppChecks.metricsOfBothApplications(metrics.body());
      for (String app : List.of("app1", "app2")) {
        assertThat(AppChecks.series(metrics.body(), "cachefn_cache_memory_bytes", "small", app)).isNotEmpty();
        assertThat(AppChecks.series(metrics.body(), "cachefn_cache_evictions_total", "small", app))
            .as("the eviction the checks caused in " + app).singleElement().asString().endsWith(" 1.0");
      }
    }
  }

  /** Adds the Micrometer extension and subsystem, with a Prometheus endpoint, to a server configuration. */
  static String withPrometheus(String configuration) {
    String extension = "<extension module=\"org.wildfly.extension.metrics\"/>";
    String subsystem = "<subsystem xmlns=\"urn:wildfly:metrics:1.0\"";
    assertThat(configuration).contains(extension, subsystem);
    return configuration
        .replace(extension, extension + "\n        <extension module=\"org.wildfly.extension.micrometer\"/>")
        .replace(subsystem, "<subsystem xmlns=\"urn:wildfly:micrometer:community:2.0\" exposed-subsystems=\"*\">"
            + "<prometheus-registry context=\"/prometheus\" security-enabled=\"false\"/></subsystem>\n        "
            + subsystem);
  }

  /** A port offset under which every port WildFly opens is free. */
  private static int freeOffset() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int offset = ThreadLocalRandom.current().nextInt(10_000, 50_000);
      if (IntStream.of(PORTS).allMatch(port -> ServerProcess.isFree(port + offset))) {
        return offset;
      }
    }
    throw new AssertionError("no free port offset for WildFly");
  }
}
