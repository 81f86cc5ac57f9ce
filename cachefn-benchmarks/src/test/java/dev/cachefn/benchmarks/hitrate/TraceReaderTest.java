package dev.cachefn.benchmarks.hitrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class TraceReaderTest {

  @TempDir
  Path dir;

  @Test
  void readsPlainLirsTextSkippingBlankLinesAndBreakpoints() throws IOException {
    Path file = dir.resolve("small.trace");
    Files.writeString(file, "1\n2\n\n*\n  3  \n1\n", StandardCharsets.US_ASCII);

    Trace trace = TraceReader.read(file);

    assertThat(trace.keys()).containsExactly(1, 2, 3, 1);
    assertThat(trace.ids()).containsExactly(0, 1, 2, 0);
    assertThat(trace.distinctKeys()).containsExactly(1, 2, 3);
    assertThat(trace.format()).isEqualTo(TraceReader.LIRS);
    assertThat(trace.compression()).isEqualTo(TraceReader.PLAIN);
    assertThat(trace.name()).isEqualTo("small");
  }

  @Test
  void expandsArcBlockRangesFromGzip() throws IOException {
    Path file = dir.resolve("tiny.lis.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("100 3 0 1\n7 1 0 2\n101 2 0 3\n".getBytes(StandardCharsets.US_ASCII));
    }

    Trace trace = TraceReader.read(file);

    assertThat(trace.keys()).containsExactly(100, 101, 102, 7, 101, 102);
    assertThat(trace.format()).isEqualTo(TraceReader.ARC);
    assertThat(trace.compression()).isEqualTo(TraceReader.GZIP);
    assertThat(trace.name()).isEqualTo("tiny");
  }

  @Test
  void readsBigEndianInt32FromXz() throws IOException {
    Path file = dir.resolve("ints.trc.bin.xz");
    try (DataOutputStream out = new DataOutputStream(
        new XZOutputStream(Files.newOutputStream(file), new LZMA2Options()))) {
      out.writeInt(0);
      out.writeInt(258);
      out.writeInt(-1);
      out.writeInt(258);
    }

    Trace trace = TraceReader.read(file);

    assertThat(trace.keys()).containsExactly(0, 258, -1, 258);
    assertThat(trace.format()).isEqualTo(TraceReader.BINARY);
    assertThat(trace.compression()).isEqualTo(TraceReader.XZ);
  }

  @Test
  void knowsTheSharedTracesByTheirShortNames() {
    assertThat(TraceReader.nameOf(Path.of("trace-mt-20130703.trc.bin.gz"))).isEqualTo("web07");
    assertThat(TraceReader.nameOf(Path.of("oltp.gz"))).isEqualTo("OLTP");
    assertThat(TraceReader.nameOf(Path.of("p3.gz"))).isEqualTo("P3");
    assertThat(TraceReader.nameOf(Path.of("loop.trace.gz"))).isEqualTo("loop");
  }

  @Test
  void beladyMatchesABruteForceOptimum() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 50; round++) {
      long[] keys = new long[200 + random.nextInt(300)];
      int range = 5 + random.nextInt(40);
      for (int i = 0; i < keys.length; i++) {
        keys[i] = random.nextInt(range);
      }
      Trace trace = TraceReader.of("random", keys);
      for (int capacity : new int[] {1, 2, 3, 5, 8, 13}) {
        assertThat(Belady.hits(trace, capacity)).as("round %d, capacity %d", round, capacity)
            .isEqualTo(bruteForceOpt(keys, capacity));
      }
    }
  }

  /** Evicts the resident key whose next use is furthest, by scanning ahead: O(n² · capacity). */
  private static long bruteForceOpt(long[] keys, int capacity) {
    Set<Long> resident = new HashSet<>();
    long hits = 0;
    for (int i = 0; i < keys.length; i++) {
      if (resident.contains(keys[i])) {
        hits++;
        continue;
      }
      if (resident.size() == capacity) {
        long victim = 0;
        int furthest = -1;
        for (long candidate : resident) {
          int next = keys.length;
          for (int j = i + 1; j < keys.length; j++) {
            if (keys[j] == candidate) {
              next = j;
              break;
            }
          }
          if (next > furthest) {
            furthest = next;
            victim = candidate;
          }
        }
        resident.remove(victim);
      }
      resident.add(keys[i]);
    }
    return hits;
  }
}
