package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays the shared access traces through a cache and through a {@code LinkedHashMap} LRU, and requires
 * the very same hit count: the engine is a strict LRU when used from one thread, whatever its TTL, tag and
 * buffering machinery does. The expected percentages are the LRU column of {@code shared/traces/README.md}.
 */
class LruTraceReplayTest {

  private static Path traces;

  @BeforeAll
  static void findTraces() {
    traces = locateTraces();
    boolean inCi = System.getenv("CI") != null;
    if (inCi) {
      assertThat(traces).as("shared/traces must be present in CI").isNotNull();
    }
    assumeTrue(traces != null, "shared/traces not found next to the repository; replay skipped");
  }

  @ParameterizedTest(name = "{0} at capacity {1}: LRU hit rate {2} %")
  @CsvSource({
    "loop.trace.gz, 500, 0.00",
    "loop.trace.gz, 1000, 0.00",
    "loop.trace.gz, 1250, 99.80",
    "trace-mt-20130703.trc.bin.gz, 300, 41.90",
    "trace-mt-20130703.trc.bin.gz, 1200, 51.65",
    "trace-mt-20130703.trc.bin.gz, 3000, 58.54",
  })
  void replayMatchesLinkedHashMapLruExactly(String file, int capacity, double expectedPercent)
      throws IOException {
    long[] keys = read(traces.resolve(file));

    long referenceHits = replayReference(keys, capacity);
    long cacheHits = replayCache(keys, capacity);

    assertThat(cacheHits).as("hits of the cache vs LinkedHashMap LRU").isEqualTo(referenceHits);
    double percent = Math.round(10_000.0 * cacheHits / keys.length) / 100.0;
    assertThat(percent).isEqualTo(expectedPercent);
  }

  private static long replayCache(long[] keys, int capacity) {
    Cache<Long> cache = CacheFn.builder("replay").maxSize(capacity).evictionPolicy(EvictionPolicy.LRU).build();
    long hits = 0;
    for (long key : keys) {
      String name = Long.toString(key);
      if (cache.get(name) != null) {
        hits++;
      } else {
        cache.set(name, key);
      }
    }
    assertThat(cache.size()).isLessThanOrEqualTo(capacity);
    assertThat(cache.stats().hits()).isEqualTo(hits);
    return hits;
  }

  private static long replayReference(long[] keys, int capacity) {
    Map<Long, Long> lru = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
        return size() > capacity;
      }
    };
    long hits = 0;
    for (long key : keys) {
      if (lru.get(key) != null) {
        hits++;
      } else {
        lru.put(key, key);
      }
    }
    return hits;
  }

  /** Reads a LIRS text trace (one key a line) or a cache2k binary trace (big-endian ints). */
  private static long[] read(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return file.getFileName().toString().contains(".trc.bin") ? readInts(in) : readLines(in);
    }
  }

  private static long[] readLines(InputStream in) throws IOException {
    LongList keys = new LongList();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.equals("*")) {
        keys.add(Long.parseLong(trimmed));
      }
    }
    return keys.toArray();
  }

  private static long[] readInts(InputStream in) throws IOException {
    LongList keys = new LongList();
    DataInputStream data = new DataInputStream(new BufferedInputStream(in));
    while (true) {
      try {
        keys.add(data.readInt());
      } catch (EOFException end) {
        return keys.toArray();
      }
    }
  }

  private static Path locateTraces() {
    String configured = System.getProperty("cachefn.traces.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/traces");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
