package dev.cachefn.memory;

import dev.cachefn.memory.internal.Engines;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;

/**
 * The in-memory storage, registered as {@code "memory"} and used by default.
 *
 * <p>Each namespace is a bounded table with per-entry TTL, a tag index and the eviction policy its caches
 * chose ({@code EvictionPolicy}: strict LRU by default, or adaptive frequency-based admission). Reads take
 * no lock: they are recorded in striped buffers and replayed into the policy by the next write, so with LRU
 * a single thread sees exact LRU, and concurrent readers see a close approximation (a read dropped under
 * contention only makes an entry look older). Expired entries are never returned; they are removed when
 * read, and by amortized clean-up during writes and buffer replays — no background thread.
 *
 * <p>{@code CacheStats.memoryUsageBytes} is an estimate of the live entries only (0 when empty; the hash
 * table's array, reserved up front for {@code maxSize}, is not counted): a fixed overhead per entry for the
 * engine's bookkeeping, plus the key's characters, plus a shallow estimate of the value (exact for strings,
 * byte arrays and boxed primitives, a fixed figure per element for collections and arrays, a fixed figure for
 * other objects). It is meant to compare caches and watch trends, not to replace a heap profiler. This
 * storage cannot fail to reach or decode its entries, so {@code storageFailures} and {@code decodeFailures}
 * stay 0.
 *
 * <p>A cache built without a storage gets a storage of its own. Share one instance between caches with
 * {@code CacheBuilder.storage(storage)}: caches of different namespaces then never see each other's keys,
 * and caches of the same namespace share entries (and must agree on {@code maxSize}).
 */
public final class MemoryStorage implements Storage {

  private final Engines engines = new Engines();

  private MemoryStorage() {}

  /** Creates an empty storage. */
  public static MemoryStorage create() {
    return new MemoryStorage();
  }

  @Override
  public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
    return engines.open(settings, listener);
  }

  @Override
  public String toString() {
    return "MemoryStorage{namespaces=" + engines.namespaceCount() + "}";
  }
}
