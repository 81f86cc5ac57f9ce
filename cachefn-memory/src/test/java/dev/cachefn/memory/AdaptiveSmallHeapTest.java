package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An adaptive cache allocates for the entries it holds, not for its bound: in a JVM of 64 MiB heap, a cache
 * bounded at {@code Integer.MAX_VALUE} entries is built and used, next to forty empty ones bounded at 500
 * million (each of which once took 815 MiB at {@code build()}). Runs {@link #main} in a forked JVM.
 */
class AdaptiveSmallHeapTest {

  private static final int ENTRIES = 50_000;

  @Test
  @Timeout(60)
  void hugeBoundsCostNothingUntilEntriesArrive() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        AdaptiveSmallHeapTest.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("hits " + ENTRIES + ", size " + ENTRIES).doesNotContain("OutOfMemoryError");
    assertThat(process.exitValue()).as(output).isZero();
  }

  /** The forked side: builds the caches, fills and reads the huge one, prints what it found. */
  public static void main(String[] args) {
    List<Cache<Integer>> idle = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      idle.add(CacheFn.builder("idle-" + i).maxSize(500_000_000L)
          .evictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY).build());
    }
    Cache<Integer> huge = CacheFn.builder("huge").maxSize(Integer.MAX_VALUE)
        .evictionPolicy(EvictionPolicy.ADAPTIVE_FREQUENCY).build();
    for (int i = 0; i < ENTRIES; i++) {
      huge.set("k" + i, i);
    }
    int hits = 0;
    for (int i = 0; i < ENTRIES; i++) {
      Integer value = huge.get("k" + i);
      hits += value != null && value == i ? 1 : 0;
    }
    System.out.println("hits " + hits + ", size " + huge.size() + ", idle caches " + idle.size());
  }
}
