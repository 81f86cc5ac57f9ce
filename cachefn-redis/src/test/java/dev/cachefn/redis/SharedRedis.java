package dev.cachefn.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One Redis server, one {@link RedisStorage} and one raw client for the whole test run, started on first use
 * and stopped when the JVM exits. Tests keep apart by namespace.
 */
final class SharedRedis {

  private static RedisServer server;
  private static RedisStorage storage;
  private static RedisCommands<String, String> raw;
  private static TieredStorage tiered;

  private SharedRedis() {}

  static synchronized RedisServer server() {
    if (server == null) {
      server = RedisServer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-redis"));
    }
    return server;
  }

  static synchronized RedisStorage storage() {
    if (storage == null) {
      storage = RedisStorage.create(server().uri());
    }
    return storage;
  }

  static synchronized TieredStorage tiered() {
    if (tiered == null) {
      tiered = TieredStorage.create(server().uri());
    }
    return tiered;
  }

  /** A plain client to look at what the storage wrote. */
  static synchronized RedisCommands<String, String> raw() {
    if (raw == null) {
      StatefulRedisConnection<String, String> connection = RedisClient.create(server().uri()).connect();
      raw = connection.sync();
    }
    return raw;
  }
}
