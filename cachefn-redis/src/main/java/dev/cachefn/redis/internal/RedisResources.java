package dev.cachefn.redis.internal;

import dev.cachefn.redis.Codec;
import dev.cachefn.spi.KeyspaceSettings;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a Redis storage owns, whether plain or tiered: its connection, the codec and format version of its
 * values, and the fetch leases of the caches that opt in to distributed single flight. Closes the leases, then
 * the connection. Not an API.
 */
public final class RedisResources implements AutoCloseable {

  private final RedisConnection connection;
  private final Codec codec;
  private final @Nullable String formatVersion;
  private final FetchLeases leases;

  /** The resources of a storage on {@code connection}; leases on it last {@code fetchLease} at most. */
  public RedisResources(RedisConnection connection, Codec codec, @Nullable String formatVersion,
      Duration fetchLease) {
    this.connection = connection;
    this.codec = codec;
    this.formatVersion = formatVersion;
    this.leases = new FetchLeases(connection, fetchLease);
  }

  /** The namespace {@code settings} name, on this connection. */
  public <V> RedisNamespace<V> namespace(KeyspaceSettings settings) {
    Objects.requireNonNull(settings, "settings must not be null");
    return RedisNamespace.open(settings.namespace(), formatVersion, connection, codec, settings.ticker());
  }

  /** The fetch leases for a keyspace opened with {@code settings}: none unless its cache opted in. */
  public @Nullable FetchLeases leases(KeyspaceSettings settings) {
    return settings.distributedSingleFlight() ? leases : null;
  }

  /** The connection, which the tiered storage's near cache tracks. */
  public RedisConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    leases.close();
    connection.close();
  }
}
