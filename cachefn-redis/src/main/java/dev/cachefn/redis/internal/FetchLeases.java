package dev.cachefn.redis.internal;

import dev.cachefn.redis.RedisStorageException;
import dev.cachefn.spi.FetchTurn;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Single flight across the application instances that share a Redis: before an instance fetches a missing key,
 * it takes a lease on the key in Redis ({@code SET <lease key> <token> NX PX <lease>}, the lease key in the
 * entry's slot). An instance that finds the lease taken waits for the holder: it is woken by a pub/sub message
 * the holder publishes on {@value #CHANNEL} when it ends its fetch (stored, or failed), and otherwise looks again
 * when the lease runs out, never in a tight loop; it then answers the value the holder stored, or takes the lease
 * itself (the holder failed or died). Nobody waits longer than the cache's fetch timeout in all: after that an
 * instance fetches without the lease. A lost message only costs a wait until the lease runs out; an unreachable
 * Redis, none (the caller fetches at once). Thread-safe.
 * Not an API.
 */
public final class FetchLeases implements AutoCloseable {

  /** The pub/sub channel on which an ended fetch names its lease key. */
  static final String CHANNEL = "cachefn:fetched";

  /** Ends a lease: deletes it if this token still holds it, and tells the waiting instances. */
  private static final LuaScript RELEASE = new LuaScript("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('DEL', KEYS[1])
      end
      redis.call('PUBLISH', ARGV[2], KEYS[1])
      return 1
      """);

  private final RedisConnection connection;
  private final Duration lease;
  private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private final Object subscribing = new Object();
  private volatile @Nullable StatefulRedisPubSubConnection<String, byte[]> subscription;

  /** Leases of {@code lease} on {@code connection}'s Redis; the subscription opens at the first wait. */
  public FetchLeases(RedisConnection connection, Duration lease) {
    this.connection = connection;
    this.lease = lease;
  }

  /**
   * Takes the lease of {@code key} or waits for its holder (at most {@code wait}, the cache's fetch timeout):
   * the value the holder stored, or the go-ahead to fetch (holding the lease when this instance could take it).
   */
  <V> FetchTurn<V> begin(RedisNamespace<V> namespace, String key, Duration wait) {
    RedisCalls calls = namespace.calls();
    String leaseKey = namespace.layout().lease(key);
    String entryKey = namespace.layout().entry(key);
    byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Math.min(wait.toNanos(), Long.MAX_VALUE / 4);
    SetArgs once = SetArgs.Builder.nx().px(lease.toMillis());
    CompletableFuture<Void> woken = null;
    subscribe(); // before anything is checked, so that no end of a fetch goes unheard
    try {
      while (true) {
        woken = waiting.computeIfAbsent(leaseKey, ignored -> new CompletableFuture<>());
        // one round trip: take the lease, and read the entry (a holder may have stored it and gone already)
        List<Object> answers = calls.call("fetch lease", RedisCalls.keyed(key), () -> RedisCalls.all(List.of(
            calls.redis().set(leaseKey, token, once).thenApply(answer -> (Object) answer),
            calls.redis().get(entryKey).thenApply(answer -> (Object) answer))));
        V stored = answers.get(1) instanceof byte[] bytes ? namespace.values().decodeOrDrop(key, bytes) : null;
        boolean mine = "OK".equals(answers.get(0));
        if (stored != null) {
          if (mine) {
            release(calls, leaseKey, token);
          }
          return FetchTurn.found(stored);
        }
        if (mine) {
          return FetchTurn.fetch(() -> release(calls, leaseKey, token));
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return FetchTurn.fetch(); // waited the whole fetch timeout: fetch without the lease
        }
        long leaseLeft = calls.call("fetch lease", RedisCalls.keyed(key), () -> calls.redis().pttl(leaseKey));
        if (leaseLeft == -2) {
          continue; // just ended: try to take it
        }
        await(woken, Math.min(left, leaseLeft < 0 ? left : leaseLeft + 1));
      }
    } catch (RedisStorageException e) {
      return FetchTurn.fetch(); // Redis cannot coordinate now: fetch rather than wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FetchTurn.fetch();
    } finally {
      if (woken != null) {
        // another cache of this storage waiting for the same key meanwhile then waits for the lease to run out
        waiting.remove(leaseKey, woken);
      }
    }
  }

  private static void await(CompletableFuture<Void> woken, long millis) throws InterruptedException {
    try {
      woken.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // look again
    }
  }

  /** Ends the lease and tells the waiting instances; never throws (an unreleased lease expires). */
  private static void release(RedisCalls calls, String leaseKey, byte[] token) {
    try {
      calls.call("fetch lease", "lease '" + leaseKey + "'", () -> RELEASE.<Long>run(calls,
          ScriptOutputType.INTEGER, new String[] {leaseKey}, token, CHANNEL.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      // it expires by itself; the waiting instances look again then
    }
  }

  /** Subscribes to the end-of-fetch messages once; a failure leaves waits to their bound. */
  private void subscribe() {
    if (subscription != null) {
      return;
    }
    synchronized (subscribing) {
      if (subscription != null) {
        return;
      }
      try {
        StatefulRedisPubSubConnection<String, byte[]> opened = connection.openPubSub();
        opened.addListener(new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, byte[] message) {
            CompletableFuture<Void> woken = waiting.remove(new String(message, StandardCharsets.UTF_8));
            if (woken != null) {
              woken.complete(null);
            }
          }
        });
        opened.sync().subscribe(CHANNEL);
        subscription = opened;
      } catch (RuntimeException e) {
        // waits end when the lease runs out instead
      }
    }
  }

  @Override
  public void close() {
    StatefulRedisPubSubConnection<String, byte[]> current = subscription;
    if (current != null) {
      current.close();
    }
  }
}
