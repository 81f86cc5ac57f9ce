package dev.cachefn.jcache.internal;

/**
 * A value in a cache's table with its expiry time (ticker nanoseconds, or {@link ExpiryTimes#ETERNAL}). The
 * value never changes; the expiry time moves forward on access, written without the table's lock (a lost
 * race between two readers only picks one of two nearly equal times).
 */
final class StoredEntry<V> {

  final V value;
  private volatile long expiresAt;

  StoredEntry(V value, long expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  boolean isExpiredAt(long now) {
    return ExpiryTimes.isExpired(expiresAt, now);
  }

  long expiresAt() {
    return expiresAt;
  }

  /** Moves the expiry time to {@code at}, unless {@code at} is {@link ExpiryTimes#UNCHANGED}. */
  void expireAt(long at) {
    if (at != ExpiryTimes.UNCHANGED) {
      expiresAt = at;
    }
  }
}
