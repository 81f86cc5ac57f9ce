package dev.cachefn.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by {@code EVALSHA}, falling back to {@code EVAL} (which also caches it in Redis) when Redis
 * does not know it: at first use and after a restart. Immutable.
 */
final class LuaScript {

  private final String source;
  private final String sha1;

  LuaScript(String source) {
    this.source = source;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      this.sha1 = HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-1", e);
    }
  }

  /**
   * Sends the script with {@code keys} as its {@code KEYS} (on a cluster, the node of their slot runs it) and
   * {@code args} as {@code ARGV}; sent again while Redis refuses it with {@code TRYAGAIN} (see
   * {@link RedisCalls#resending}). The stage completes with Redis' answer.
   */
  <T> CompletionStage<T> run(RedisCalls calls, ScriptOutputType type, String[] keys, byte[]... args) {
    return calls.resending(() -> send(calls.redis(), type, keys, args));
  }

  private <T> CompletionStage<T> send(RedisClusterAsyncCommands<String, byte[]> redis, ScriptOutputType type,
      String[] keys, byte[][] args) {
    CompletionStage<T> bySha = redis.<T>evalsha(sha1, type, keys, args);
    return bySha.handle((result, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(result);
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof RedisNoScriptException) {
        return redis.<T>eval(source, type, keys, args);
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(stage -> stage);
  }
}
