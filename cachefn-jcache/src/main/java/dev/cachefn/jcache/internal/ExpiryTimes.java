package dev.cachefn.jcache.internal;

import dev.cachefn.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Turns a JCache {@link ExpiryPolicy} into absolute expiry times on a {@link Ticker}'s clock.
 *
 * <p>Times are ticker nanoseconds; {@link #ETERNAL} means never. A {@link Duration#ZERO} gives the current
 * time, so the entry is already expired. For access and update, a {@code null} duration or a policy that
 * throws means "leave the expiry as it is" ({@link #UNCHANGED}); for creation, a policy that throws or returns
 * {@code null} gives an eternal entry. Thread-safe if the policy is.
 */
final class ExpiryTimes {

  static final long ETERNAL = Long.MAX_VALUE;
  static final long UNCHANGED = Long.MIN_VALUE;

  private static final System.Logger LOG = System.getLogger(ExpiryTimes.class.getName());
  private static final long MAX_NANOS = Long.MAX_VALUE / 4;

  private final ExpiryPolicy policy;
  private final Ticker ticker;
  /** The policy is {@link EternalExpiryPolicy} itself: its times never depend on the clock. */
  private final boolean eternal;
  /**
   * The policy is one of the standard ones whose {@code getExpiryForAccess} is always {@code null}: a read
   * of an eternal entry then needs neither the clock nor the policy. Subclasses, which may override, are
   * asked as any policy.
   */
  private final boolean readsKeepExpiry;

  ExpiryTimes(ExpiryPolicy policy, Ticker ticker) {
    this.policy = policy;
    this.ticker = ticker;
    Class<?> type = policy.getClass();
    this.eternal = type == EternalExpiryPolicy.class;
    this.readsKeepExpiry = eternal || type == CreatedExpiryPolicy.class || type == ModifiedExpiryPolicy.class;
  }

  ExpiryPolicy policy() {
    return policy;
  }

  long now() {
    return ticker.read();
  }

  /** Whether a read of an entry expiring at {@code expiresAt} may skip the clock and the policy. */
  boolean readNeedsNoClock(long expiresAt) {
    return readsKeepExpiry && expiresAt == ETERNAL;
  }

  /**
   * The time an operation on an entry expiring at {@code expiresAt} ({@link #ETERNAL} for no entry) works
   * with: the ticker's, or 0 when nothing the policy answers depends on it (an eternal policy and entry).
   */
  long nowFor(long expiresAt) {
    return eternal && expiresAt == ETERNAL ? 0 : ticker.read();
  }

  /** The expiry time {@code ttl} after {@code now}, the duration capped as the policies' are. */
  static long after(long now, java.time.Duration ttl) {
    long nanos;
    try {
      nanos = Math.min(ttl.toNanos(), MAX_NANOS);
    } catch (ArithmeticException tooLong) {
      nanos = MAX_NANOS;
    }
    return now + nanos;
  }

  /** Whether an entry expiring at {@code expiresAt} has expired at {@code now}. */
  static boolean isExpired(long expiresAt, long now) {
    return expiresAt != ETERNAL && now - expiresAt >= 0;
  }

  /** The expiry time of an entry created at {@code now}. */
  long forCreation(long now) {
    long at = at(ask(policy::getExpiryForCreation, "creation"), now);
    return at == UNCHANGED ? ETERNAL : at;
  }

  /** The new expiry time of an entry read at {@code now}, or {@link #UNCHANGED}. */
  long forAccess(long now) {
    return at(ask(policy::getExpiryForAccess, "access"), now);
  }

  /** The new expiry time of an entry updated at {@code now}, or {@link #UNCHANGED}. */
  long forUpdate(long now) {
    return at(ask(policy::getExpiryForUpdate, "update"), now);
  }

  private static Duration ask(Supplier<Duration> question, String what) {
    try {
      return question.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "expiry policy failed for " + what + "; keeping the old expiry", e);
      return null;
    }
  }

  private static long at(Duration duration, long now) {
    if (duration == null) {
      return UNCHANGED;
    }
    if (duration.isEternal()) {
      return ETERNAL;
    }
    if (duration.isZero()) {
      return now;
    }
    TimeUnit unit = duration.getTimeUnit();
    long nanos;
    try {
      nanos = Math.min(unit.toNanos(duration.getDurationAmount()), MAX_NANOS);
    } catch (ArithmeticException tooLong) {
      nanos = MAX_NANOS;
    }
    return now + nanos;
  }
}
