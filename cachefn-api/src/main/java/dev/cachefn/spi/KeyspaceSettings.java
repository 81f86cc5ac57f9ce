package dev.cachefn.spi;

import dev.cachefn.Ticker;
import java.util.Objects;

/**
 * What a cache asks of its keyspace.
 *
 * @param namespace the namespace, unique per group of caches that share entries
 * @param maxSize the most entries the keyspace holds before evicting (a remote storage may ignore it and
 *     rely on its own memory policy; it must say so)
 * @param ticker the time source for expiration (a remote storage enforcing TTL itself ignores it)
 */
public record KeyspaceSettings(String namespace, long maxSize, Ticker ticker) {

  /** Checks the settings. */
  public KeyspaceSettings {
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(ticker, "ticker must not be null");
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
    }
  }
}
