package dev.cachefn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TomEE 9 microprofile (OpenWebBeans, the CDI that is not Weld; MicroProfile Metrics 4): two WARs side by side,
 * which share the thread's context class loader lookups that broke the second application before.
 */
class TomEEIT {

  @Test
  @Timeout(540)
  void twoApplicationsCacheAndReportMetricsAndABadSettingFailsItsDeployment() throws IOException {
    Path home = Path.of(System.getProperty("cachefn.it.tomee"));
    int port = ServerProcess.freePort();
    Path serverXml = home.resolve("conf/server.xml");
    String original = Files.readString(serverXml);
    Files.writeString(serverXml, original.replace("<Server port=\"8005\"", "<Server port=\"-1\"")
        .replace("<Connector port=\"8080\"", "<Connector port=\"" + port + "\""));
    TestWars.writeTo(home.resolve("webapps"));
    List<String> command = List.of("bash", "bin/catalina.sh", "run");
    Map<String, String> environment = Map.of("JAVA_HOME", System.getProperty("java.home"));
    try (ServerProcess server = ServerProcess.start(command, home, home.resolve("cachefn-it.log"), environment)) {
      String base = "http://localhost:" + port;
      AppChecks.onServerThatLogsFailures(server, base);

      // TomEE serves MicroProfile Metrics per web application; the registry behind it is shared
      Http.Response metrics = Http.get(base + "/app1/metrics");
      assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
      AppChecks.metricsOfBothApplications(metrics.body());
    } finally {
      Files.writeString(serverXml, original);
    }
  }
}
