package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Caffeine's per-entry expiry set to one TTL from each write, a read leaving it as it is: what a CacheFn
 * entry written with {@code SetOptions.ttl(ttl)} does. Caffeine's {@code expireAfterWrite} would do the same
 * with a cheaper fixed-duration queue; the benchmarks use this variable-expiry form (its timer wheel) because
 * CacheFn's TTLs are per entry.
 */
public final class FixedTtlExpiry<K, V> implements Expiry<K, V> {

  private final long ttlNanos;

  /** Every entry expires {@code ttl} after its last write. */
  public FixedTtlExpiry(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public long expireAfterCreate(K key, V value, long currentTime) {
    return ttlNanos;
  }

  @Override
  public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
    return ttlNanos;
  }

  @Override
  public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
    return currentDuration;
  }
}
