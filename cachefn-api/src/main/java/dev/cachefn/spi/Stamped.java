package dev.cachefn.spi;

import org.jspecify.annotations.Nullable;

/**
 * What a cache with freshness settings ({@link dev.cachefn.Freshness}) stores under a key instead of the bare
 * value: the value, or {@code null} for a remembered absence (negative caching), with its logical write time
 * and expiry. The storage keeps it for longer than its logical TTL (the stale window), and the cache decides
 * from these times whether it is fresh, due for a refresh or stale.
 *
 * <p>Both times are readings of the keyspace's {@link KeyspaceSettings#ticker()}. A storage that keeps objects
 * stores this one as it is. A storage that serializes values for other application instances must carry both
 * times in a form those instances can read (a wall-clock time, say, converted back to its ticker's reading on
 * read) and must carry a {@code null} value; {@link #NEVER} means the entry has no logical expiry.
 *
 * @param value the value, or {@code null} for a remembered absence
 * @param writtenAt the ticker's reading when the value was written
 * @param expiresAt the ticker's reading at which the value stops being fresh, or {@link #NEVER}
 * @param <V> the type of the values
 */
public record Stamped<V>(@Nullable V value, long writtenAt, long expiresAt) {

  /** The {@code expiresAt} of a value without a time-to-live. */
  public static final long NEVER = Long.MAX_VALUE;

  /** Whether the value is still fresh at {@code now}: its TTL has not run out. */
  public boolean isFresh(long now) {
    return expiresAt == NEVER || now - expiresAt < 0;
  }

  /** Whether this records an absence (negative caching) rather than a value. */
  public boolean isAbsence() {
    return value == null;
  }

  /** Whether {@code other} is the same write as this one (same times and the same absence or not). */
  public boolean sameWrite(Stamped<?> other) {
    return writtenAt == other.writtenAt && expiresAt == other.expiresAt && isAbsence() == other.isAbsence();
  }
}
