package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.Await;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The near cache across faults, on a Redis server of its own: a lost connection, Redis stopped and started
 * again (empty), a flushed database, Redis not there at start-up. Whatever happens, no instance serves a
 * value that was changed elsewhere meanwhile, and nothing is left half-written.
 */
class TieredFaultTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  private final RedisServer server = RedisServer.start();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable each : closing) {
      each.close();
    }
    server.stop();
  }

  private TieredStorage instance(String name, FailurePolicy policy) {
    TieredStorage storage = RedisStorage.builder(server.uri() + "?clientName=" + name)
        .commandTimeout(Duration.ofSeconds(1)).heartbeat(Duration.ofMillis(100)).failurePolicy(policy)
        .buildTiered();
    closing.add(storage);
    return storage;
  }

  private RedisCommands<String, String> raw() {
    RedisClient client = RedisClient.create(server.uri());
    StatefulRedisConnection<String, String> connection = client.connect();
    closing.add(0, client::shutdown);
    closing.add(0, connection);
    return connection.sync();
  }

  private static Cache<String> cache(TieredStorage storage) {
    return CacheFn.builder("faults").storage(storage).build();
  }

  @Test
  void aLostConnectionEmptiesTheNearCacheBeforeItServesAgain() {
    TieredStorage a = instance("a", FailurePolicy.FAIL);
    TieredStorage b = instance("b", FailurePolicy.FAIL);
    Cache<String> onA = cache(a);
    Cache<String> onB = cache(b);
    RedisCommands<String, String> raw = raw();
    onA.set("k", "v1");
    assertThat(onB.get("k")).isEqualTo("v1");
    assertThat(b.nearCacheHolds("faults", "k")).isTrue();

    killConnection(raw, "b"); // Lettuce reconnects at once, but tracking is off on the new connection
    Await.until("B tracks again on its new connection", BOUND,
        () -> b.nearCacheServing() && tracking(raw, "b"));
    onA.set("k", "v2"); // the new connection never read k: Redis tells B nothing of this write

    assertThat(onB.get("k")).isEqualTo("v2");
    assertThat(b.nearCacheHolds("faults", "k")).isTrue();
    onA.set("k", "v3"); // and tracking works on the new connection
    Await.until("B drops k", BOUND, () -> !b.nearCacheHolds("faults", "k"));
    assertThat(onB.get("k")).isEqualTo("v3");
  }

  @Test
  void redisRestartedEmptyWithTheFailPolicy() {
    TieredStorage a = instance("a", FailurePolicy.FAIL);
    TieredStorage b = instance("b", FailurePolicy.FAIL);
    Cache<String> onA = cache(a);
    Cache<String> onB = cache(b);
    onA.set("k", "before", SetOptions.tags("t"));
    assertThat(onB.get("k")).isEqualTo("before");

    server.stop();
    Await.until("B stops serving its near cache and empties it", BOUND,
        () -> !b.nearCacheServing() && b.nearCacheSize() == 0);

    assertThatThrownBy(() -> onB.get("k"))
        .isInstanceOf(RedisStorageException.class)
        .hasMessageContaining("Redis get of key 'k' in namespace 'faults' failed at " + server.uri());
    assertThatThrownBy(() -> onA.set("k", "lost", SetOptions.tags("t"))).isInstanceOf(RedisStorageException.class);

    server.startAgain();
    Await.until("both serve again", BOUND, () -> a.nearCacheServing() && b.nearCacheServing());

    assertThat(onB.get("k")).isNull(); // Redis lost it; the near copy is gone too
    assertThat(onA.get("k")).isNull();
    onA.set("k", "after", SetOptions.tags("t"));
    assertThat(onB.get("k")).isEqualTo("after");
    assertThat(onA.invalidateByTag("t")).isEqualTo(1); // entry and tags were written whole
    Await.until("B drops k", BOUND, () -> !b.nearCacheHolds("faults", "k"));
    assertThat(onB.get("k")).isNull();
  }

  @Test
  void redisDownWithTheBypassPolicyAnswersMissesAndCallsFetchers() {
    TieredStorage b = instance("b", FailurePolicy.BYPASS);
    Cache<String> onB = cache(b);
    onB.set("k", "v");
    assertThat(onB.get("k")).isEqualTo("v");
    AtomicInteger fetches = new AtomicInteger();

    server.stop();
    Await.until("B stops serving its near cache and empties it", BOUND,
        () -> !b.nearCacheServing() && b.nearCacheSize() == 0);

    assertThat(onB.get("k")).isNull();
    assertThat(onB.getOrFetch("k", () -> "fetched " + fetches.incrementAndGet())).isEqualTo("fetched 1");
    assertThat(onB.getOrFetch("k", () -> "fetched " + fetches.incrementAndGet())).isEqualTo("fetched 2");
    assertThat(b.nearCacheSize()).isZero();
    assertThatThrownBy(() -> onB.delete("k")).isInstanceOf(RedisStorageException.class);
    assertThat(b.failures()).isGreaterThanOrEqualTo(3);

    server.startAgain();
    Await.until("B serves again", BOUND, b::nearCacheServing);
    assertThat(onB.getOrFetch("k", () -> "fresh")).isEqualTo("fresh");
    assertThat(onB.get("k")).isEqualTo("fresh");
  }

  @Test
  void anUnansweredHeartbeatEmptiesTheNearCacheOfAnIdleInstance() {
    TieredStorage b = instance("b", FailurePolicy.FAIL);
    Cache<String> onB = cache(b);
    onB.set("k", "v");
    assertThat(onB.get("k")).isEqualTo("v");
    RedisCommands<String, String> raw = raw();

    raw.clientPause(4_000); // Redis answers no one for 4 s; B's connection stays open and B sends nothing

    Await.until("B's heartbeat notices and empties the near cache", BOUND,
        () -> !b.nearCacheServing() && b.nearCacheSize() == 0);
    Await.until("B serves again once Redis answers", BOUND, b::nearCacheServing);
    assertThat(onB.get("k")).isEqualTo("v");
  }

  @Test
  void aFlushOfTheDatabaseEmptiesEveryNearCache() {
    TieredStorage b = instance("b", FailurePolicy.FAIL);
    Cache<String> onB = cache(b);
    onB.set("k1", "1");
    onB.set("k2", "2");
    onB.getMany(List.of("k1", "k2"));
    assertThat(b.nearCacheSize()).isEqualTo(2);

    raw().flushall();

    Await.until("B's near cache is emptied", BOUND, () -> b.nearCacheSize() == 0);
    assertThat(onB.get("k1")).isNull();
  }

  @Test
  void aLazyStorageStartsWithRedisDownAndConnectsWhenItIsUp() {
    RedisServer later = RedisServer.notStarted();
    closing.add(later);
    TieredStorage lazy = RedisStorage.builder(later.uri()).lazyConnect(true).commandTimeout(Duration.ofSeconds(1))
        .heartbeat(Duration.ofMillis(100)).buildTiered();
    closing.add(lazy);
    Cache<String> cache = cache(lazy);

    assertThatThrownBy(() -> cache.get("k"))
        .isInstanceOf(RedisStorageException.class)
        .hasMessageContaining("failed at " + later.uri());
    assertThat(lazy.nearCacheServing()).isFalse();

    later.startAgain();
    Await.until("the lazy storage connects and tracks", BOUND, lazy::nearCacheServing);
    cache.set("k", "v");
    Await.until("the lazy storage keeps k near", BOUND,
        () -> "v".equals(cache.get("k")) && lazy.nearCacheHolds("faults", "k"));
  }

  private static void killConnection(RedisCommands<String, String> raw, String name) {
    Matcher id = Pattern.compile("id=(\\d+) [^\\n]*name=" + name + " ").matcher(raw.clientList());
    assertThat(id.find()).as("a connection named " + name).isTrue();
    raw.clientKill(KillArgs.Builder.id(Long.parseLong(id.group(1))));
  }

  /** Whether the connection named {@code name} has tracking on (flag {@code t} in {@code CLIENT LIST}). */
  private static boolean tracking(RedisCommands<String, String> raw, String name) {
    Matcher flags = Pattern.compile("name=" + name + " [^\\n]*?flags=(\\w+)").matcher(raw.clientList());
    return flags.find() && flags.group(1).contains("t");
  }
}
