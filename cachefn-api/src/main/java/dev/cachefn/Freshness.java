package dev.cachefn;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a cache keeps its entries fresh without making callers wait: refresh-ahead, stale-while-revalidate,
 * stale-if-error and negative caching. Each setting is positive, or {@code null} for "off" (a call's
 * {@link SetOptions} then falls back to the cache's). Immutable.
 *
 * <p>A cache built with freshness settings ({@link CacheBuilder#refreshAfter} and the like) stores each value
 * with its logical write time ({@link dev.cachefn.spi.Stamped}) and keeps it in the storage for its TTL plus
 * the larger stale window, so that every storage and every application instance sees the same freshness. A
 * cache without them stores plain values, exactly as before.
 *
 * @param refreshAfter a {@code getOrFetch} hit on an entry at least this old returns the value at once and
 *     starts one background re-fetch; shorter than the entry's TTL
 * @param staleWhileRevalidate for this long after the TTL, {@code getOrFetch} returns the expired value at once
 *     and starts the re-fetch in the background ({@code get} never returns an expired value)
 * @param staleIfError for this long after the TTL, a failing fetch of the expired key returns the expired
 *     value instead of the exception
 * @param negativeTtl how long an absent result ({@code null}, an empty {@code Optional}) is remembered, so that
 *     {@code getOrFetch} does not call the fetcher again for it
 */
public record Freshness(
    @Nullable Duration refreshAfter,
    @Nullable Duration staleWhileRevalidate,
    @Nullable Duration staleIfError,
    @Nullable Duration negativeTtl) {

  private static final Freshness NONE = new Freshness(null, null, null, null);

  /** Checks that each setting given is positive. */
  public Freshness {
    check(refreshAfter, "refreshAfter");
    check(staleWhileRevalidate, "staleWhileRevalidate");
    check(staleIfError, "staleIfError");
    check(negativeTtl, "negativeTtl");
  }

  /** Every setting off. */
  public static Freshness none() {
    return NONE;
  }

  /** A copy with {@code refreshAfter} (positive). */
  public Freshness withRefreshAfter(Duration refreshAfter) {
    return new Freshness(required(refreshAfter, "refreshAfter"), staleWhileRevalidate, staleIfError, negativeTtl);
  }

  /** A copy with {@code staleWhileRevalidate} (positive). */
  public Freshness withStaleWhileRevalidate(Duration staleWhileRevalidate) {
    return new Freshness(
        refreshAfter, required(staleWhileRevalidate, "staleWhileRevalidate"), staleIfError, negativeTtl);
  }

  /** A copy with {@code staleIfError} (positive). */
  public Freshness withStaleIfError(Duration staleIfError) {
    return new Freshness(refreshAfter, staleWhileRevalidate, required(staleIfError, "staleIfError"), negativeTtl);
  }

  /** A copy with {@code negativeTtl} (positive). */
  public Freshness withNegativeTtl(Duration negativeTtl) {
    return new Freshness(refreshAfter, staleWhileRevalidate, staleIfError, required(negativeTtl, "negativeTtl"));
  }

  /** Whether every setting is off. */
  public boolean isNone() {
    return refreshAfter == null && staleWhileRevalidate == null && staleIfError == null && negativeTtl == null;
  }

  /** This, with each setting it leaves off taken from {@code defaults}. */
  public Freshness orElse(Freshness defaults) {
    if (isNone()) {
      return defaults;
    }
    return new Freshness(
        refreshAfter != null ? refreshAfter : defaults.refreshAfter,
        staleWhileRevalidate != null ? staleWhileRevalidate : defaults.staleWhileRevalidate,
        staleIfError != null ? staleIfError : defaults.staleIfError,
        negativeTtl != null ? negativeTtl : defaults.negativeTtl);
  }

  /** How long past its TTL a value must stay in the storage: the larger stale window, or zero. */
  public Duration staleWindow() {
    Duration revalidate = staleWhileRevalidate != null ? staleWhileRevalidate : Duration.ZERO;
    Duration error = staleIfError != null ? staleIfError : Duration.ZERO;
    return revalidate.compareTo(error) >= 0 ? revalidate : error;
  }

  /**
   * Checks that a refresh can happen before the entry expires.
   *
   * @throws IllegalArgumentException if {@code refreshAfter} is not shorter than {@code ttl}
   */
  public void checkAgainst(@Nullable Duration ttl, String where) {
    if (refreshAfter != null && ttl != null && refreshAfter.compareTo(ttl) >= 0) {
      throw new IllegalArgumentException("refreshAfter (" + refreshAfter + ") must be shorter than the ttl ("
          + ttl + ") " + where + ": the entry would expire before a refresh is due. Use staleWhileRevalidate"
          + " to serve an entry past its ttl while it is re-fetched");
    }
  }

  private static void check(@Nullable Duration duration, String name) {
    if (duration != null) {
      SetOptions.requirePositive(duration, name);
    }
  }

  private static Duration required(Duration duration, String name) {
    return SetOptions.requirePositive(duration, name);
  }
}
