package dev.cachefn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.benchmarks.report.RatioReport;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI's proof that the benchmarks run: one JMH benchmark, in this JVM (no fork), one measurement iteration
 * of 200 ms per implementation, then the ratio report over its JSON. Measures nothing worth reading.
 */
class BenchmarkSmokeTest {

  @TempDir
  Path dir;

  @Test
  void readBenchmarkRunsThroughJmhAndTheRatioReportReadsItsJson() throws Exception {
    Path json = dir.resolve("smoke.json");
    Options options = new OptionsBuilder()
        .include(ReadWriteBenchmark.class.getName() + "\\.read$")
        .param("impl", "CacheFn", "Caffeine", "ConcurrentHashMap")
        .forks(0)
        .threads(1)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200))
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build();

    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(3);
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getScore()).as(result.getParams().getParam("impl")).isPositive();
    }
    String report = RatioReport.render(List.of(json), new RatioReport.Environment("test", "test", "test"));
    assertThat(report)
        .contains("## ReadWriteBenchmark.read (thrpt)")
        .containsPattern("\\| – \\| 1 \\| CacheFn \\| [0-9,]+ ± NaN \\| ops/s \\| \\d+\\.\\d\\d \\? \\| \\d+\\.\\d\\d \\? \\|")
        .containsPattern("\\| – \\| 1 \\| Caffeine \\| [0-9,]+ ± NaN \\| ops/s \\| 1\\.00 \\|");
  }
}
