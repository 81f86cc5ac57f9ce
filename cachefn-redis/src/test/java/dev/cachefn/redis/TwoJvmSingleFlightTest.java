package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.testkit.Await;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Distributed single flight between two JVMs on one real Redis: this test's JVM and a second one started with
 * the test class path ({@link OtherInstance}), each with its own storage (distributed single flight on) and
 * cache. Concurrent misses in both run the fetcher once; a lease holder whose JVM is killed blocks the other JVM
 * no longer than its lease.
 */
class TwoJvmSingleFlightTest {

  /** How long a step may take: a JVM starts slowly on a loaded machine. */
  private static final Duration BOUND = Duration.ofSeconds(60);
  /** The channel on which a lease holder says that its fetch ended (see the module README). */
  private static final String CHANNEL = "cachefn:fetched";

  private final String namespace = "jvms-" + UUID.randomUUID().toString().substring(0, 8);
  private final RedisCommands<String, String> raw = SharedRedis.raw();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final BlockingQueue<String> otherLines = new LinkedBlockingQueue<>();
  private final List<String> otherOutput = new ArrayList<>();
  private Process other;

  /** The cache of either JVM, on a storage with distributed single flight. */
  static Cache<String> cache(RedisStorage storage, String namespace) {
    return CacheFn.builder("jvms").namespace(namespace).storage(storage).distributedSingleFlight(true).build();
  }

  /**
   * One caller's miss of {@code k}, in either JVM: counted as arrived, then {@code getOrFetch} with a fetcher
   * that counts its runs and returns only once all {@code callers} of both JVMs have arrived and both storages
   * have subscribed to the end-of-fetch messages (each subscribes when it first coordinates a fetch), so that
   * the other JVM is waiting for this fetch rather than not there yet.
   */
  static String miss(Cache<String> cache, RedisCommands<String, String> raw, String namespace, int callers,
      long subscribersBefore) {
    raw.incr("test:" + namespace + ":arrived");
    return cache.getOrFetch("k", () -> {
      raw.incr("test:" + namespace + ":fetches");
      Await.until("every caller of both JVMs misses, both instances coordinate", BOUND,
          () -> Long.parseLong(raw.get("test:" + namespace + ":arrived")) == callers
              && subscribers(raw) >= subscribersBefore + 2);
      return "fetched in JVM " + ProcessHandle.current().pid();
    });
  }

  private static long subscribers(RedisCommands<String, String> raw) {
    return raw.pubsubNumsub(CHANNEL).getOrDefault(CHANNEL, 0L);
  }

  /** Starts the second JVM with this JVM's class path; its output lines are collected as they come. */
  private void startOther(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        OtherInstance.class.getName(), SharedRedis.server().uri(), namespace));
    command.addAll(List.of(args));
    other = new ProcessBuilder(command).redirectErrorStream(true).start();
    Process started = other;
    threads.submit(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
        lines.lines().forEach(otherLines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  /** Waits for the second JVM to print {@code wanted}, keeping what it printed before for the failure message. */
  private void awaitOther(String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      String line = otherLines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        otherOutput.add(line);
        if (line.equals(wanted)) {
          return;
        }
      } else if (!other.isAlive() && otherLines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("the second JVM did not print " + wanted + "; it printed: " + otherOutput);
  }

  private Cache<String> instance(Duration lease) {
    RedisStorage storage = RedisStorage.builder(SharedRedis.server().uri()).fetchLease(lease).build();
    closing.add(storage);
    return cache(storage, namespace);
  }

  @AfterEach
  void stop() throws Exception {
    if (other != null) {
      other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    threads.shutdownNow();
    for (AutoCloseable storage : closing) {
      storage.close();
    }
  }

  @Test
  @Timeout(120)
  void concurrentMissesInTwoJvmsRunTheFetcherOnce() throws Exception {
    int perJvm = 4;
    Cache<String> here = instance(Duration.ofSeconds(30));
    long subscribersBefore = subscribers(raw);
    startOther("30000", "miss", Integer.toString(perJvm), Integer.toString(2 * perJvm),
        Long.toString(subscribersBefore));
    awaitOther("READY");

    List<Future<String>> values = new ArrayList<>();
    for (int i = 0; i < perJvm; i++) {
      values.add(threads.submit(() -> miss(here, raw, namespace, 2 * perJvm, subscribersBefore)));
    }
    List<String> all = new ArrayList<>();
    for (Future<String> value : values) {
      all.add(value.get(BOUND.toSeconds(), TimeUnit.SECONDS));
    }
    for (int i = 0; i < perJvm; i++) {
      awaitOther("VALUE " + all.get(0));
    }
    assertThat(other.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(all).containsOnly(all.get(0));
    assertThat(raw.get("test:" + namespace + ":fetches")).as("fetches in both JVMs").isEqualTo("1");
    assertThat(raw.get("test:" + namespace + ":arrived")).isEqualTo(Integer.toString(2 * perJvm));
  }

  @Test
  @Timeout(120)
  void aLeaseHolderWhoseJvmIsKilledBlocksTheOtherNoLongerThanItsLease() throws Exception {
    Duration lease = Duration.ofMillis(1500);
    Cache<String> here = instance(Duration.ofSeconds(30));
    startOther(Long.toString(lease.toMillis()), "hold");
    awaitOther("FETCHING");
    long leaseTaken = System.nanoTime(); // no later than this: the other JVM took the lease, then fetched
    String leaseKey = "cachefn:{" + namespace.length() + ":" + namespace + "}:l:k";
    assertThat(raw.exists(leaseKey)).as("the other JVM's lease").isEqualTo(1L);

    Thread[] caller = new Thread[1];
    long[] fetchedAt = new long[1];
    Future<String> value = threads.submit(() -> {
      caller[0] = Thread.currentThread();
      return here.getOrFetch("k", () -> {
        fetchedAt[0] = System.nanoTime();
        return "fetched here";
      });
    });
    Await.until("this JVM waits for the lease", BOUND, () -> caller[0] != null
        && caller[0].getState() == Thread.State.TIMED_WAITING);
    other.destroyForcibly().waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(value.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fetched here");
    assertThat(Duration.ofNanos(fetchedAt[0] - leaseTaken)).as("fetched once the killed holder's lease ran out")
        .isGreaterThan(lease.minusSeconds(1)).isLessThan(lease.plusSeconds(2));
    assertThat(here.get("k")).isEqualTo("fetched here");
  }
}
