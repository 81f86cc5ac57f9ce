package dev.cachefn.redis;

import dev.cachefn.Cache;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A second application instance, run in a JVM of its own by {@link TwoJvmSingleFlightTest}: a cache on a storage
 * with distributed single flight on the Redis at {@code args[0]}, namespace {@code args[1]}, fetch lease
 * {@code args[2]} ms. It prints {@code READY} once connected, then in mode {@code args[3]}:
 *
 * <ul>
 *   <li>{@code miss <callers> <all callers> <subscribers before>}: that many concurrent {@code getOrFetch} of
 *       {@code k} with {@link TwoJvmSingleFlightTest#fetcher}, printing {@code VALUE <value>} for each;
 *   <li>{@code hold}: one {@code getOrFetch} of {@code k} whose fetcher prints {@code FETCHING} and never
 *       returns, until the test kills this JVM.
 * </ul>
 */
final class OtherInstance {

  private OtherInstance() {}

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    String namespace = args[1];
    Duration lease = Duration.ofMillis(Long.parseLong(args[2]));
    RedisClient client = RedisClient.create(uri);
    try (RedisStorage storage = RedisStorage.builder(uri).fetchLease(lease).build();
        StatefulRedisConnection<String, String> connection = client.connect()) {
      Cache<String> cache = TwoJvmSingleFlightTest.cache(storage, namespace);
      RedisCommands<String, String> raw = connection.sync();
      System.out.println("READY");
      System.out.flush();
      if (args[3].equals("hold")) {
        cache.getOrFetch("k", () -> {
          System.out.println("FETCHING");
          System.out.flush();
          while (true) {
            RedisServer.sleep(1000);
          }
        });
        return;
      }
      int callers = Integer.parseInt(args[4]);
      ExecutorService threads = Executors.newFixedThreadPool(callers);
      List<Future<String>> values = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        values.add(threads.submit(() -> TwoJvmSingleFlightTest.miss(cache, raw, namespace,
            Integer.parseInt(args[5]), Long.parseLong(args[6]))));
      }
      for (Future<String> value : values) {
        System.out.println("VALUE " + value.get());
      }
      threads.shutdown();
    } finally {
      client.shutdown();
    }
  }
}
