package dev.cachefn.benchmarks.hitrate;

import dev.cachefn.benchmarks.report.RatioReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Replays every access trace of a directory through OPT, LRU, CacheFn (with each of its eviction policies) and
 * its peers, and prints one markdown table of hit rates (%) per trace, plus, in points, {@code CacheFn LRU − LRU}
 * (zero when CacheFn's LRU is exact) and the adaptive policy's distance to LRU and to Caffeine; it also writes
 * an SVG chart per trace. Single-threaded, cold, one pass per (policy, capacity), as
 * {@code shared/traces/README.md} prescribes. Not a JMH benchmark: it measures what is kept, not how fast.
 *
 * <pre>
 * java -cp cachefn-benchmarks/target/benchmarks.jar dev.cachefn.benchmarks.hitrate.HitRateReport \
 *     [TRACE_DIR_OR_FILE ...] [--traces loop,web07] [--capacities 250,500] [--policies OPT,LRU,CacheFnLRU]
 *     [--svg-dir DIR | --no-svg]
 * </pre>
 *
 * <p>The default directory is {@code ../shared/traces} from the repository root (found from the working
 * directory upwards), or the {@code cachefn.traces.dir} system property. The capacities per trace are those of
 * the README's reference tables; {@code --capacities} replaces them for every trace.
 */
public final class HitRateReport {

  /** The capacities of the README's reference tables. */
  static final Map<String, int[]> CAPACITIES = Map.of(
      "loop", new int[] {250, 500, 750, 1000, 1250},
      "web07", new int[] {300, 1200, 3000},
      "OLTP", new int[] {250, 500, 1000, 2000, 5000, 10000, 15000},
      "P3", new int[] {25_000, 50_000, 100_000, 200_000, 400_000},
      "cs", new int[] {100, 200, 350, 700},
      "cpp", new int[] {100, 200, 300, 600},
      "multi1", new int[] {250, 500, 1000, 1500},
      "multi2", new int[] {500, 1000, 2000, 3000},
      "2_pools", new int[] {500, 1000, 2000, 5000},
      "orm-night", new int[] {625, 1250, 2500, 5000, 10_000});

  private HitRateReport() {}

  /** The hit rates of one trace: {@code rates[policy][capacity]} in percent, {@code NaN} where not run. */
  public record Result(Trace trace, int[] capacities, List<Policy> policies, double[][] rates, double seconds) {

    /** The hit rate of {@code policy} at the {@code c}-th capacity, {@code NaN} if it was not replayed. */
    public double rate(Policy policy, int c) {
      int index = policies.indexOf(policy);
      return index < 0 ? Double.NaN : rates[index][c];
    }
  }

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    List<Path> files = options.traceFiles();
    if (files.isEmpty()) {
      System.err.println("no trace files found in " + options.sources);
      System.exit(1);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(header(options));
    for (Path file : files) {
      Trace trace;
      try {
        trace = TraceReader.read(file);
      } catch (IOException | RuntimeException e) {
        System.err.println("skipping " + file + ": " + e.getMessage());
        continue;
      }
      if (!options.wants(trace)) {
        continue;
      }
      int[] capacities = options.capacities != null ? options.capacities : defaultCapacities(trace);
      System.err.printf(Locale.ROOT, "replaying %s (%,d accesses) at %s ...%n",
          trace.name(), trace.accesses(), Arrays.toString(capacities));
      Result result = replay(trace, capacities, options.policies);
      String chart = null;
      if (options.svgDir != null) {
        Files.createDirectories(options.svgDir);
        Path svg = options.svgDir.resolve(trace.name() + ".svg");
        Files.writeString(svg, chart(result), StandardCharsets.UTF_8);
        chart = svg.toString();
      }
      out.println(markdown(result, chart));
    }
  }

  /** Replays {@code trace} through every policy at every capacity. */
  public static Result replay(Trace trace, int[] capacities, List<Policy> policies) {
    long start = System.nanoTime();
    double[][] rates = new double[policies.size()][capacities.length];
    for (int p = 0; p < policies.size(); p++) {
      for (int c = 0; c < capacities.length; c++) {
        rates[p][c] = policies.get(p).hitRate(trace, capacities[c]);
      }
    }
    return new Result(trace, capacities, policies, rates, (System.nanoTime() - start) / 1e9);
  }

  /** The README's capacities for a known trace; else 1/32 … 1/2 of its distinct keys. */
  static int[] defaultCapacities(Trace trace) {
    int[] known = CAPACITIES.get(trace.name());
    if (known != null) {
      return known;
    }
    Set<Integer> capacities = new LinkedHashSet<>();
    for (int divisor : new int[] {32, 16, 8, 4, 2}) {
      capacities.add(Math.max(1, trace.distinct() / divisor));
    }
    return capacities.stream().mapToInt(Integer::intValue).toArray();
  }

  static String header(Options options) {
    return "# Hit rates (%) on the shared traces\n\n"
        + "Each cell is one cold, single-threaded pass over the trace (`get`; on a miss, `put`); hit rate ="
        + " hits / accesses, cold misses included. OPT is Bélády's optimum (the upper bound), LRU a"
        + " `LinkedHashMap` in access order. Caffeine runs with `executor(Runnable::run)`, Guava with its"
        + " default concurrency level, Ehcache 3 with `heap(n)` entries, cache2k with `entryCapacity(n)`."
        + " Caffeine and Ehcache 3 vary between runs (random admission jitter, sampled eviction).\n\n"
        + "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); "
        + RatioReport.Environment.libraryVersions() + ".\n";
  }

  /** The markdown section of one trace. */
  public static String markdown(Result result, @Nullable String chart) {
    Trace trace = result.trace();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "## %s (`%s`)%n%n", trace.name(), trace.file().getFileName()));
    out.append(String.format(Locale.ROOT, "%,d accesses, %,d distinct keys; %s, compression %s; replayed in %.1f s.",
        trace.accesses(), trace.distinct(), trace.format(), trace.compression(), result.seconds()));
    if (chart != null) {
      out.append(" Chart: `").append(chart).append("`.");
    }
    out.append("\n\n| capacity |");
    for (Policy policy : Policy.values()) {
      out.append(' ').append(policy.label()).append(" |");
    }
    out.append(" CacheFn LRU − LRU | adaptive − LRU | adaptive − Caffeine |\n|---:|");
    out.append("---:|".repeat(Policy.values().length + 3)).append('\n');
    for (int c = 0; c < result.capacities().length; c++) {
      out.append(String.format(Locale.ROOT, "| %,d |", result.capacities()[c]));
      for (Policy policy : Policy.values()) {
        out.append(' ').append(percent(result.rate(policy, c))).append(" |");
      }
      double adaptive = result.rate(Policy.CACHEFN_ADAPTIVE, c);
      out.append(' ').append(difference(result.rate(Policy.CACHEFN, c), result.rate(Policy.LRU, c))).append(" |");
      out.append(' ').append(difference(adaptive, result.rate(Policy.LRU, c))).append(" |");
      out.append(' ').append(difference(adaptive, result.rate(Policy.CAFFEINE, c))).append(" |\n");
    }
    return out.toString();
  }

  /** The SVG chart of one trace. */
  public static String chart(Result result) {
    List<String> labels = new ArrayList<>();
    for (Policy policy : result.policies()) {
      labels.add(policy.label());
    }
    String title = result.trace().name() + ": hit rate vs capacity (" + String.format(Locale.ROOT, "%,d",
        result.trace().accesses()) + " accesses)";
    return SvgChart.render(title, result.capacities(), labels, result.rates());
  }

  static String percent(double rate) {
    return Double.isNaN(rate) ? "–" : String.format(Locale.ROOT, "%.2f", rate);
  }

  static String difference(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return "–";
    }
    double points = Math.round((a - b) * 100) / 100.0;
    return String.format(Locale.ROOT, "%+.2f", points == 0 ? 0.0 : points);
  }

  /** Where the traces are when no directory is given: {@code shared/traces} next to the repository. */
  static @Nullable Path defaultTraceDir() {
    String configured = System.getProperty("cachefn.traces.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("traces");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    return null;
  }

  /** The command line. */
  static final class Options {
    final List<Path> sources = new ArrayList<>();
    int @Nullable [] capacities;
    @Nullable Set<String> traces;
    List<Policy> policies = List.of(Policy.values());
    @Nullable Path svgDir = Path.of("target", "hit-rate");

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--capacities" -> options.capacities = Arrays.stream(value(args, ++i, arg).split(","))
              .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(s -> {
                int capacity = Integer.parseInt(s.replace("_", ""));
                if (capacity < 1) {
                  throw new IllegalArgumentException("--capacities must be positive, got " + capacity);
                }
                return capacity;
              }).sorted().toArray();
          case "--traces" -> {
            options.traces = new LinkedHashSet<>();
            for (String name : value(args, ++i, arg).split(",")) {
              options.traces.add(name.trim().toLowerCase(Locale.ROOT));
            }
          }
          case "--policies" -> {
            List<Policy> chosen = new ArrayList<>();
            for (String name : value(args, ++i, arg).split(",")) {
              chosen.add(Policy.named(name.trim()));
            }
            chosen.sort(null);
            options.policies = List.copyOf(new LinkedHashSet<>(chosen));
          }
          case "--svg-dir" -> options.svgDir = Path.of(value(args, ++i, arg));
          case "--no-svg" -> options.svgDir = null;
          case "-h", "--help" -> {
            System.err.println("usage: HitRateReport [TRACE_DIR_OR_FILE ...] [--traces loop,web07]"
                + " [--capacities 250,500] [--policies OPT,LRU,CacheFnLRU,CacheFnAdaptive,Caffeine,Guava,Ehcache3,"
                + "cache2k]"
                + " [--svg-dir DIR | --no-svg]");
            System.exit(0);
          }
          default -> {
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
            }
            options.sources.add(Path.of(arg));
          }
        }
      }
      if (options.sources.isEmpty()) {
        Path dir = defaultTraceDir();
        if (dir == null) {
          throw new IllegalArgumentException(
              "no trace directory given and no shared/traces found above " + Path.of("").toAbsolutePath());
        }
        options.sources.add(dir);
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    boolean wants(Trace trace) {
      if (traces == null) {
        return true;
      }
      return traces.contains(trace.name().toLowerCase(Locale.ROOT))
          || traces.contains(trace.file().getFileName().toString().toLowerCase(Locale.ROOT));
    }

    /** The trace files: the files given, and the regular files of the directories given, sorted by size. */
    List<Path> traceFiles() throws IOException {
      List<Path> files = new ArrayList<>();
      for (Path source : sources) {
        if (Files.isDirectory(source)) {
          try (Stream<Path> listing = Files.list(source)) {
            listing.filter(Files::isRegularFile)
                .filter(file -> !file.getFileName().toString().startsWith("."))
                .filter(file -> !file.getFileName().toString().toLowerCase(Locale.ROOT).matches(
                    ".*\\.(md|txt|svg|html|json|sha256|properties)$"))
                .filter(this::wantsFile)
                .forEach(files::add);
          }
        } else if (Files.isRegularFile(source)) {
          files.add(source);
        } else {
          throw new IllegalArgumentException("no such trace file or directory: " + source);
        }
      }
      List<Path> bySize = new ArrayList<>(files);
      bySize.sort((a, b) -> Long.compare(size(a), size(b)));
      return bySize;
    }

    /** Skips reading files whose name rules them out already. */
    private boolean wantsFile(Path file) {
      if (traces == null) {
        return true;
      }
      String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
      return traces.contains(fileName) || traces.contains(TraceReader.nameOf(file).toLowerCase(Locale.ROOT));
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        return Long.MAX_VALUE;
      }
    }
  }
}
