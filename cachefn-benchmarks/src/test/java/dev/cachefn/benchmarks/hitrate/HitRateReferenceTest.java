package dev.cachefn.benchmarks.hitrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report's OPT and LRU columns must reproduce the reference tables of {@code shared/traces/README.md}
 * to two decimals: loop (all capacities), web07, and the smallest and largest capacities of the five small
 * traces added later (orm-night is only read: its OPT takes too long for CI). This is also CI's smoke run of
 * the hit-rate report on the smallest traces.
 */
class HitRateReferenceTest {

  private static final Map<String, Trace> TRACES = new HashMap<>();
  private static Path dir;

  @BeforeAll
  static void findTraces() {
    dir = HitRateReport.defaultTraceDir();
    if (System.getenv("CI") != null) {
      assertThat(dir).as("shared/traces must be present in CI").isNotNull();
    }
    assumeTrue(dir != null, "shared/traces not found next to the repository; reference check skipped");
  }

  @ParameterizedTest(name = "{0} at {1}: OPT {2} %, LRU {3} %")
  @CsvSource({
    "loop.trace.gz, 250, 24.63, 0.00",
    "loop.trace.gz, 500, 49.36, 0.00",
    "loop.trace.gz, 750, 74.04, 0.00",
    "loop.trace.gz, 1000, 98.71, 0.00",
    "loop.trace.gz, 1250, 99.80, 99.80",
    "trace-mt-20130703.trc.bin.gz, 300, 55.88, 41.90",
    "trace-mt-20130703.trc.bin.gz, 1200, 64.64, 51.65",
    "trace-mt-20130703.trc.bin.gz, 3000, 70.28, 58.54",
    "cs.trace.gz, 100, 7.73, 1.83",
    "cs.trace.gz, 700, 43.12, 1.83",
    "cpp.trace.gz, 100, 82.51, 69.71",
    "cpp.trace.gz, 600, 86.48, 85.83",
    "multi1.trace.gz, 250, 52.48, 42.86",
    "multi1.trace.gz, 1500, 83.01, 48.56",
    "multi2.trace.gz, 500, 53.60, 35.98",
    "multi2.trace.gz, 3000, 78.40, 71.18",
    "2_pools.trace.gz, 500, 62.85, 51.06",
    "2_pools.trace.gz, 5000, 85.35, 72.95",
  })
  void optAndLruMatchTheReadme(String file, int capacity, double opt, double lru) throws IOException {
    Trace trace = trace(file);

    HitRateReport.Result result =
        HitRateReport.replay(trace, new int[] {capacity}, List.of(Policy.OPT, Policy.LRU));

    assertThat(HitRateReport.percent(result.rate(Policy.OPT, 0))).isEqualTo(String.format(Locale.ROOT, "%.2f", opt));
    assertThat(HitRateReport.percent(result.rate(Policy.LRU, 0))).isEqualTo(String.format(Locale.ROOT, "%.2f", lru));
  }

  @ParameterizedTest(name = "{0}: {1} accesses, {2} distinct keys")
  @CsvSource({
    "loop.trace.gz, 505500, 1011",
    "trace-mt-20130703.trc.bin.gz, 76118, 20484",
    "cs.trace.gz, 6781, 1409",
    "cpp.trace.gz, 9047, 1223",
    "multi1.trace.gz, 15858, 2606",
    "multi2.trace.gz, 26311, 5684",
    "2_pools.trace.gz, 100000, 9939",
    "orm-night.trace.xz, 5000000, 86466",
  })
  void readsEveryAccess(String file, int accesses, int distinct) throws IOException {
    Trace trace = trace(file);

    assertThat(trace.accesses()).isEqualTo(accesses);
    assertThat(trace.distinct()).isEqualTo(distinct);
  }

  @org.junit.jupiter.api.Test
  void replaysEveryTraceAtTheReadmeCapacities() throws IOException {
    assertThat(HitRateReport.defaultCapacities(trace("multi2.trace.gz"))).containsExactly(500, 1000, 2000, 3000);
    assertThat(HitRateReport.defaultCapacities(trace("orm-night.trace.xz")))
        .containsExactly(625, 1250, 2500, 5000, 10_000);
  }

  @org.junit.jupiter.api.Test
  void reportsATableAndAChartForTheLoopTrace() throws IOException {
    Trace trace = trace("loop.trace.gz");

    HitRateReport.Result result = HitRateReport.replay(
        trace, new int[] {500, 1250}, List.of(Policy.OPT, Policy.LRU, Policy.CACHEFN, Policy.CACHEFN_ADAPTIVE));
    String markdown = HitRateReport.markdown(result, null);
    String svg = HitRateReport.chart(result);

    assertThat(markdown)
        .contains("## loop (`loop.trace.gz`)")
        .contains("| capacity | OPT | LRU | CacheFn LRU | CacheFn adaptive | Caffeine | Guava | Ehcache 3 | cache2k |"
            + " CacheFn LRU − LRU | adaptive − LRU | adaptive − Caffeine |")
        .containsPattern("\\| 500 \\| 49\\.36 \\| 0\\.00 \\| 0\\.00 \\| 4\\d\\.\\d\\d \\| – \\| – \\| – \\| – \\|"
            + " \\+0\\.00 \\| \\+4\\d\\.\\d\\d \\| – \\|")
        .contains("| 1,250 | 99.80 | 99.80 | 99.80 | 99.80 | – | – | – | – | +0.00 | +0.00 | – |");
    assertThat(svg).startsWith("<svg").contains("<polyline").contains(">CacheFn LRU<").contains(">CacheFn adaptive<")
        .endsWith("</svg>\n");
  }

  private static synchronized Trace trace(String file) throws IOException {
    Trace trace = TRACES.get(file);
    if (trace == null) {
      trace = TraceReader.read(dir.resolve(file));
      TRACES.put(file, trace);
    }
    return trace;
  }
}
