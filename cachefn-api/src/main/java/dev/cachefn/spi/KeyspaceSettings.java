package dev.cachefn.spi;

import dev.cachefn.CacheOptions;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import java.util.Objects;

/**
 * What a cache asks of its keyspace.
 *
 * @param namespace the namespace, unique per group of caches that share entries
 * @param maxSize the most entries the keyspace holds before evicting (a remote storage may ignore it and
 *     rely on its own memory policy; it must say so)
 * @param ticker the time source for expiration (a remote storage enforcing TTL itself ignores it)
 * @param evictionPolicy how the entry to evict is chosen beyond {@code maxSize} (a storage with its own memory
 *     policy may ignore it, like {@code maxSize})
 * @param distributedSingleFlight whether a keyspace that several application instances share coordinates
 *     their fetches of a missing key ({@link FetchCoordination}), so that one instance fetches while the others
 *     wait; a storage that can coordinate does so only when this is set, a storage that cannot ignores it
 */
public record KeyspaceSettings(String namespace, long maxSize, Ticker ticker, EvictionPolicy evictionPolicy,
    boolean distributedSingleFlight) {

  /** Checks the settings. */
  public KeyspaceSettings {
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(ticker, "ticker must not be null");
    Objects.requireNonNull(evictionPolicy, "evictionPolicy must not be null");
    CacheOptions.requireMaxSize(maxSize, "");
  }

  /** Settings with the {@link CacheOptions#DEFAULT_EVICTION_POLICY}, without distributed single flight. */
  public KeyspaceSettings(String namespace, long maxSize, Ticker ticker) {
    this(namespace, maxSize, ticker, CacheOptions.DEFAULT_EVICTION_POLICY);
  }

  /** Settings without distributed single flight. */
  public KeyspaceSettings(String namespace, long maxSize, Ticker ticker, EvictionPolicy evictionPolicy) {
    this(namespace, maxSize, ticker, evictionPolicy, false);
  }
}
