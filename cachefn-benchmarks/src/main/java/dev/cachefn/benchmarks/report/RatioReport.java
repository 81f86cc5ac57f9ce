package dev.cachefn.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reads JMH JSON result files ({@code -rf json -rff results.json}) and prints one markdown table per
 * benchmark: score ± error (JMH's 99.9 % confidence half-width), the ratio to Caffeine and to
 * {@code ConcurrentHashMap} measured in the same run with the same parameters and thread count, and a mark
 * {@code ≈} where the two 99.9 % confidence intervals overlap (the difference is not established), or
 * {@code ?} where JMH computed no interval (a single measurement iteration). The methods of a
 * {@code @Group} benchmark are rows of their group's table.
 *
 * <pre>
 * java -cp cachefn-benchmarks/target/benchmarks.jar dev.cachefn.benchmarks.report.RatioReport results.json [more.json ...]
 * </pre>
 *
 * <p>Several files (for instance a {@code -t 1} and a {@code -t 2} run) are reported together; a row is only
 * compared with rows of the same file. The header gives the git commit and the CPU of the machine running
 * the report (run it where you measured), and the JDK and JVM flags recorded in the results.
 */
public final class RatioReport {

  static final String BASELINE = "Caffeine";
  static final String PHYSICAL = "ConcurrentHashMap";
  static final String OVERLAP_MARK = "≈";
  static final String UNKNOWN_MARK = "?";

  private static final List<String> IMPL_ORDER = List.of(
      "CacheFn", "CacheFnAdaptive", "Caffeine", "ConcurrentHashMap", "LinkedHashMap", "Guava", "GuavaDefault",
      "Cache2k", "Ehcache3");

  private RatioReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.err.println("usage: RatioReport <jmh-result.json> [more.json ...]");
      System.exit(args.length == 0 ? 2 : 0);
    }
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      files.add(Path.of(arg));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(render(files, Environment.current()));
    out.flush();
  }

  /** The whole report for {@code files}. */
  public static String render(List<Path> files, Environment environment) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<Map<String, @Nullable Object>> runs = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      Object parsed = Json.parse(Files.readString(files.get(f), StandardCharsets.UTF_8));
      if (!(parsed instanceof List<?> list)) {
        throw new IllegalArgumentException(files.get(f) + " is not a JMH JSON result (expected an array)");
      }
      for (Object element : list) {
        Map<String, @Nullable Object> run = asMap(element);
        runs.add(run);
        rows.addAll(rowsOf(run, f));
      }
    }
    StringBuilder out = new StringBuilder();
    header(out, files, runs, environment);
    tables(out, rows);
    return out.toString();
  }

  // ---- reading -------------------------------------------------------------------------------------

  /**
   * One measured value: a benchmark's primary metric ({@code metric} empty), or one method of a
   * {@code @Group} ({@code metric} is the method's name).
   */
  record Row(
      int file, String benchmark, String metric, String mode, int threads, String params, String impl,
      double score, double error, double low, double high, String unit) {

    String tableKey() {
      return benchmark + " (" + mode + ")";
    }

    String peerKey() {
      return file + "|" + benchmark + "|" + metric + "|" + mode + "|" + threads + "|" + params;
    }
  }

  static List<Row> rowsOf(Map<String, @Nullable Object> run, int file) {
    String benchmark = shortName(string(run.get("benchmark")));
    String mode = string(run.get("mode"));
    int threads = (int) number(run.get("threads"));
    Map<String, @Nullable Object> params = run.get("params") == null ? Map.of() : asMap(run.get("params"));
    String impl = params.containsKey("impl") ? string(params.get("impl")) : "";
    StringJoiner others = new StringJoiner(", ");
    for (Map.Entry<String, @Nullable Object> param : new TreeMap<>(params).entrySet()) {
      if (!param.getKey().equals("impl")) {
        others.add(param.getKey() + "=" + param.getValue());
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.add(row(file, benchmark, "", mode, threads, others.toString(), impl, asMap(run.get("primaryMetric"))));
    Object secondary = run.get("secondaryMetrics");
    if (secondary != null) {
      for (Map.Entry<String, @Nullable Object> metric : asMap(secondary).entrySet()) {
        // "·gc.alloc.rate" and the like come from profilers, not from @Group methods
        if (!metric.getKey().startsWith("\u00b7")) {
          rows.add(row(file, benchmark, metric.getKey(), mode, threads, others.toString(), impl,
              asMap(metric.getValue())));
        }
      }
    }
    return rows;
  }

  private static Row row(
      int file, String benchmark, String name, String mode, int threads, String params, String impl,
      Map<String, @Nullable Object> metric) {
    double score = number(metric.get("score"));
    double error = number(metric.get("scoreError"));
    double low = Double.NaN;
    double high = Double.NaN;
    if (metric.get("scoreConfidence") instanceof List<?> interval && interval.size() == 2) {
      low = number(interval.get(0));
      high = number(interval.get(1));
    }
    return new Row(file, benchmark, name, mode, threads, params, impl, score, error, low, high,
        string(metric.get("scoreUnit")));
  }

  private static String shortName(String benchmark) {
    // dev.cachefn.benchmarks.ReadWriteBenchmark.read -> ReadWriteBenchmark.read
    int method = benchmark.lastIndexOf('.');
    int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return type >= 0 ? benchmark.substring(type + 1) : benchmark;
  }

  // ---- writing -------------------------------------------------------------------------------------

  private static void header(
      StringBuilder out, List<Path> files, List<Map<String, @Nullable Object>> runs, Environment environment) {
    out.append("# JMH results: ratios to Caffeine and ConcurrentHashMap\n\n");
    out.append("| | |\n|---|---|\n");
    out.append("| git commit | ").append(environment.gitCommit()).append(" (when this report ran) |\n");
    out.append("| CPU | ").append(environment.cpu()).append(" (machine running this report) |\n");
    out.append("| JDK | ").append(distinct(runs, run -> string(run.get("jdkVersion")) + ", "
        + string(run.get("vmName")) + " " + string(run.get("vmVersion")))).append(" |\n");
    out.append("| JVM flags | ").append(distinct(runs, run -> flags(run.get("jvmArgs")))).append(" |\n");
    out.append("| JMH | ").append(distinct(runs, run -> string(run.get("jmhVersion")))).append(" |\n");
    out.append("| settings | ").append(distinct(runs, RatioReport::settings)).append(" |\n");
    out.append("| libraries | ").append(environment.versions()).append(" |\n");
    StringJoiner names = new StringJoiner(", ");
    for (int f = 0; f < files.size(); f++) {
      names.add("[" + (f + 1) + "] `" + files.get(f) + "`");
    }
    out.append("| result files | ").append(names).append(" |\n\n");
    out.append("Score ± error is JMH's mean and 99.9 % confidence half-width. `÷ Caffeine` and `÷ CHM` divide"
        + " the score by Caffeine's and ConcurrentHashMap's score from the same result file, benchmark,"
        + " parameters and thread count. `" + OVERLAP_MARK + "` marks a ratio whose two 99.9 % confidence"
        + " intervals overlap: the difference is not established by this run; `" + UNKNOWN_MARK + "` one where"
        + " JMH gave no interval (a single iteration). For throughput (`thrpt`)"
        + " a ratio above 1 is faster; for average time (`avgt`) a ratio below 1 is faster.\n");
  }

  private static void tables(StringBuilder out, List<Row> rows) {
    Map<String, Row> peers = new LinkedHashMap<>();
    for (Row row : rows) {
      peers.put(row.peerKey() + "|" + row.impl(), row);
    }
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    for (Row row : rows) {
      tables.computeIfAbsent(row.tableKey(), key -> new ArrayList<>()).add(row);
    }
    boolean severalFiles = rows.stream().mapToInt(Row::file).max().orElse(0) > 0;
    for (Map.Entry<String, List<Row>> table : tables.entrySet()) {
      List<Row> sorted = new ArrayList<>(table.getValue());
      sorted.sort(Comparator.comparing(Row::params)
          .thenComparingInt(Row::threads)
          .thenComparingInt(Row::file)
          .thenComparing(Row::metric)
          .thenComparingInt(row -> implRank(row.impl())));
      boolean grouped = sorted.stream().anyMatch(row -> !row.metric().isEmpty());
      out.append("\n## ").append(table.getKey()).append("\n\n");
      out.append(severalFiles ? "| file " : "").append("| params | threads | impl |")
          .append(grouped ? " method |" : "")
          .append(" score ± error | unit | ÷ Caffeine | ÷ CHM |\n");
      out.append(severalFiles ? "|---:" : "").append("|---|---:|---|").append(grouped ? "---|" : "")
          .append("---:|---|---:|---:|\n");
      for (Row row : sorted) {
        if (severalFiles) {
          out.append("| ").append(row.file() + 1).append(' ');
        }
        out.append("| ").append(row.params().isEmpty() ? "–" : row.params())
            .append(" | ").append(row.threads())
            .append(" | ").append(row.impl().isEmpty() ? "–" : row.impl());
        if (grouped) {
          out.append(" | ").append(row.metric().isEmpty() ? "(group total)" : row.metric());
        }
        out.append(" | ").append(scoreAndError(row.score(), row.error()))
            .append(" | ").append(row.unit())
            .append(" | ").append(ratio(row, peers.get(row.peerKey() + "|" + BASELINE)))
            .append(" | ").append(ratio(row, peers.get(row.peerKey() + "|" + PHYSICAL)))
            .append(" |\n");
      }
    }
  }

  static String ratio(Row row, @Nullable Row reference) {
    if (reference == null || reference.score() == 0 || Double.isNaN(reference.score())) {
      return "–";
    }
    String ratio = String.format(Locale.ROOT, "%.2f", row.score() / reference.score());
    if (reference == row) {
      return ratio;
    }
    if (!hasInterval(row) || !hasInterval(reference)) {
      return ratio + " " + UNKNOWN_MARK;
    }
    return overlap(row, reference) ? ratio + " " + OVERLAP_MARK : ratio;
  }

  private static boolean hasInterval(Row row) {
    return !Double.isNaN(row.low()) && !Double.isNaN(row.high());
  }

  /** Whether the 99.9 % confidence intervals of {@code a} and {@code b} overlap. */
  static boolean overlap(Row a, Row b) {
    return a.low() <= b.high() && b.low() <= a.high();
  }

  /** {@code 1,234,567 ± 8,901}: both with the decimals the score's magnitude calls for. */
  static String scoreAndError(double score, double error) {
    double magnitude = Math.abs(score);
    String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : "%,.3f";
    return format(pattern, score) + " ± " + format(pattern, error);
  }

  private static String format(String pattern, double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, pattern, value);
  }

  private static int implRank(String impl) {
    int rank = IMPL_ORDER.indexOf(impl);
    return rank >= 0 ? rank : IMPL_ORDER.size();
  }

  private static String settings(Map<String, @Nullable Object> run) {
    return "forks " + (int) number(run.get("forks"))
        + ", warmup " + (int) number(run.get("warmupIterations")) + " × " + string(run.get("warmupTime"))
        + ", measurement " + (int) number(run.get("measurementIterations")) + " × "
        + string(run.get("measurementTime"));
  }

  private static String flags(@Nullable Object jvmArgs) {
    if (!(jvmArgs instanceof List<?> list) || list.isEmpty()) {
      return "(none)";
    }
    StringJoiner joined = new StringJoiner(" ");
    for (Object arg : list) {
      joined.add(String.valueOf(arg));
    }
    return "`" + joined + "`";
  }

  private static String distinct(
      List<Map<String, @Nullable Object>> runs, java.util.function.Function<Map<String, @Nullable Object>, String> what) {
    Set<String> values = new LinkedHashSet<>();
    for (Map<String, @Nullable Object> run : runs) {
      values.add(what.apply(run));
    }
    return values.isEmpty() ? "–" : String.join("; ", values);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> asMap(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, @Nullable Object>) map;
    }
    throw new IllegalArgumentException("expected a JSON object, got " + value);
  }

  private static String string(@Nullable Object value) {
    return value == null ? "?" : value.toString();
  }

  private static double number(@Nullable Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** What the report says about the machine it runs on. */
  public record Environment(String gitCommit, String cpu, String versions) {

    /** The git commit of the working directory, this machine's CPU and the bundled library versions. */
    public static Environment current() {
      return new Environment(readGitCommit(), readCpuModel(), libraryVersions());
    }

    static String readGitCommit() {
      String sha = run("git", "rev-parse", "--short=12", "HEAD");
      if (sha == null || sha.isEmpty()) {
        return "unknown (not a git checkout)";
      }
      String status = run("git", "status", "--porcelain", "--untracked-files=no");
      return "`" + sha + "`" + (status != null && !status.isEmpty() ? " + uncommitted changes" : "");
    }

    static String readCpuModel() {
      String model = null;
      try {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
          if (line.startsWith("model name")) {
            model = line.substring(line.indexOf(':') + 1).trim();
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        model = run("sysctl", "-n", "machdep.cpu.brand_string");
      }
      if (model == null || model.isEmpty()) {
        model = System.getProperty("os.arch");
      }
      return model + ", " + Runtime.getRuntime().availableProcessors() + " CPUs available, "
          + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** {@code cachefn 0.1.0-SNAPSHOT, caffeine 3.2.4, ...} from the properties Maven filled in. */
    public static String libraryVersions() {
      Properties versions = new Properties();
      try (InputStream in = RatioReport.class.getResourceAsStream("/cachefn-benchmarks-versions.properties")) {
        if (in != null) {
          versions.load(in);
        }
      } catch (IOException e) {
        return "unknown";
      }
      StringJoiner joined = new StringJoiner(", ");
      for (String name : List.of("cachefn", "caffeine", "guava", "cache2k", "ehcache", "jmh")) {
        joined.add(name + " " + versions.getProperty(name, "?"));
      }
      return joined.toString();
    }

    private static @Nullable String run(String... command) {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
          return null;
        }
        return output;
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
