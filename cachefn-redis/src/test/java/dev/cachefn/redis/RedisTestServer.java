package dev.cachefn.redis;

import io.lettuce.core.api.sync.RedisCommands;

/** The shared test Redis server, for tests outside this package. */
public final class RedisTestServer {

  private RedisTestServer() {}

  /** The server's URI; starts it at first use (or skips the test when redis-server is not installed). */
  public static String uri() {
    return SharedRedis.server().uri();
  }

  /** A plain client on the shared server. */
  public static RedisCommands<String, String> raw() {
    return SharedRedis.raw();
  }
}
