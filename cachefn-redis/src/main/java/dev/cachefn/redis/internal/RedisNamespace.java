package dev.cachefn.redis.internal;

import dev.cachefn.Ticker;
import dev.cachefn.redis.Codec;
import org.jspecify.annotations.Nullable;

/**
 * One namespace of a Redis storage, as the classes that read and write it share it: where its keys live
 * ({@link KeyLayout}), how commands reach Redis ({@link RedisCalls}) and how values become bytes and back
 * ({@link StoredValues}). {@link RedisKeyspace} runs the {@code Keyspace} operations on it; the tiered storage
 * reads through it into its near cache; {@link FetchLeases} takes leases in it. Not an API.
 *
 * @param name the namespace
 * @param layout where its keys live
 * @param calls how its commands reach Redis
 * @param values its values' encoding
 * @param <V> the type of the values
 */
public record RedisNamespace<V>(String name, KeyLayout layout, RedisCalls calls, StoredValues<V> values) {

  /**
   * Namespace {@code name} on {@code connection}'s Redis (or Redis Cluster), its values kept apart from other
   * format versions by {@code formatVersion} (none when {@code null}) and encoded by {@code codec}; the write
   * times of stamped values are read on {@code ticker}.
   */
  public static <V> RedisNamespace<V> open(String name, @Nullable String formatVersion, RedisConnection connection,
      Codec codec, Ticker ticker) {
    KeyLayout layout = new KeyLayout(name, formatVersion, connection.isCluster());
    RedisCalls calls = new RedisCalls(name, connection);
    return new RedisNamespace<>(name, layout, calls,
        new StoredValues<>(name, layout, calls, codec, new StampFrames(codec, ticker)));
  }

  @Override
  public String toString() {
    return "namespace '" + name + "' at " + calls.uri();
  }
}
