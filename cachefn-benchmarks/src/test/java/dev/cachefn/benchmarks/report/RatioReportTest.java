package dev.cachefn.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioReportTest {

  @TempDir
  Path dir;

  @Test
  void dividesByCaffeineAndTheMapOfTheSameRunAndMarksOverlappingIntervals() throws IOException {
    Path json = write("run.json", "["
        + result("ReadWriteBenchmark.read", 1, "CacheFn", 200, 10, "")
        + "," + result("ReadWriteBenchmark.read", 1, "Caffeine", 100, 5, "")
        + "," + result("ReadWriteBenchmark.read", 1, "ConcurrentHashMap", 205, 10, "")
        + "," + result("ReadWriteBenchmark.read", 2, "CacheFn", 150, 10, "")
        + "," + result("ReadWriteBenchmark.read", 2, "Caffeine", 300, 10, "")
        + "]");

    String report = RatioReport.render(List.of(json), new RatioReport.Environment("`abc`", "a CPU", "versions"));

    assertThat(report)
        .contains("| git commit | `abc` (when this report ran) |")
        .contains("| CPU | a CPU (machine running this report) |")
        .contains("| JVM flags | `-Xmx1g -XX:+UseParallelGC` |")
        .contains("| JDK | 17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6 |")
        .contains("## ReadWriteBenchmark.read (thrpt)")
        // 200/100 with disjoint intervals; 200/205 with overlapping ones
        .contains("| size=10 | 1 | CacheFn | 200.0 ± 10.0 | ops/s | 2.00 | 0.98 ≈ |")
        .contains("| size=10 | 1 | Caffeine | 100.0 ± 5.0 | ops/s | 1.00 | 0.49 |")
        .contains("| size=10 | 1 | ConcurrentHashMap | 205.0 ± 10.0 | ops/s | 2.05 | 1.00 |")
        // the 2-thread rows only compare with each other; there is no 2-thread map
        .contains("| size=10 | 2 | CacheFn | 150.0 ± 10.0 | ops/s | 0.50 | – |");
  }

  @Test
  void putsTheMethodsOfAGroupInTheGroupsTableAndKeepsOtherParameters() throws IOException {
    String secondary = "\"secondaryMetrics\": {"
        + "\"readwrite_get\": " + metric(90, 1) + ", \"readwrite_put\": " + metric(10, 1)
        + ", \"\u00b7gc.alloc.rate\": " + metric(5, 1) + "}";
    Path json = write("group.json", "["
        + result("ReadWriteBenchmark.readwrite", 4, "CacheFn", 100, 1, secondary)
        + "," + result("ReadWriteBenchmark.readwrite", 4, "Caffeine", 50, 1, secondary)
        + "]");

    String report = RatioReport.render(List.of(json), new RatioReport.Environment("sha", "cpu", "v"));

    assertThat(report)
        .contains("| params | threads | impl | method | score ± error | unit | ÷ Caffeine | ÷ CHM |")
        .contains("| size=10 | 4 | CacheFn | (group total) | 100.0 ± 1.0 | ops/s | 2.00 | – |")
        .contains("| size=10 | 4 | CacheFn | readwrite_get | 90.0 ± 1.0 | ops/s | 1.00 ≈ | – |")
        .contains("| size=10 | 4 | Caffeine | readwrite_put | 10.0 ± 1.0 | ops/s | 1.00 | – |")
        .doesNotContain("gc.alloc.rate");
  }

  @Test
  void reportsSeveralFilesSideBySideWithoutComparingAcrossThem() throws IOException {
    Path first = write("t1.json", "[" + result("StatsBenchmark.read", 1, "CacheFn", 100, 1, "") + "]");
    Path second = write("t2.json", "[" + result("StatsBenchmark.read", 1, "Caffeine", 100, 1, "") + "]");

    String report = RatioReport.render(List.of(first, second), new RatioReport.Environment("s", "c", "v"));

    assertThat(report)
        .contains("[1] `" + first + "`, [2] `" + second + "`")
        .contains("| 1 | size=10 | 1 | CacheFn | 100.0 ± 1.0 | ops/s | – | – |")
        .contains("| 2 | size=10 | 1 | Caffeine | 100.0 ± 1.0 | ops/s | 1.00 | – |");
  }

  @Test
  void readsJmhJsonNumbersStringsAndNaN() {
    Object parsed = Json.parse("{\"a\": [1, -2.5e3, \"NaN\", NaN, true, null, \"x\\\"y\\u00e9\"], \"b\": {}}");

    assertThat(parsed).asString().isEqualTo("{a=[1.0, -2500.0, NaN, NaN, true, null, x\"yé], b={}}");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String result(String benchmark, int threads, String impl, double score, double error, String secondary) {
    return "{\"jmhVersion\": \"1.37\", \"benchmark\": \"dev.cachefn.benchmarks." + benchmark + "\","
        + " \"mode\": \"thrpt\", \"threads\": " + threads + ", \"forks\": 1,"
        + " \"jvmArgs\": [\"-Xmx1g\", \"-XX:+UseParallelGC\"], \"jdkVersion\": \"17.0.15\","
        + " \"vmName\": \"OpenJDK 64-Bit Server VM\", \"vmVersion\": \"17.0.15+6\","
        + " \"warmupIterations\": 3, \"warmupTime\": \"5 s\", \"measurementIterations\": 5,"
        + " \"measurementTime\": \"5 s\", \"params\": {\"impl\": \"" + impl + "\", \"size\": \"10\"},"
        + " \"primaryMetric\": " + metric(score, error)
        + (secondary.isEmpty() ? "" : ", " + secondary) + "}";
  }

  private static String metric(double score, double error) {
    return String.format(Locale.ROOT, "{\"score\": %s, \"scoreError\": %s, \"scoreConfidence\": [%s, %s],"
        + " \"scoreUnit\": \"ops/s\"}", score, error, score - error, score + error);
  }
}
