package dev.cachefn;

import dev.cachefn.internal.Arguments;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How one write stores its entries: a time-to-live (overriding the cache's default) and tags; for
 * {@code getOrFetch}, also how long a caller waits for a fetch of its key that another caller runs (the
 * fetch timeout, overriding the cache's; writes ignore it), and the call's own {@link Freshness} settings
 * (refresh-after, stale windows, negative TTL), each overriding the cache's.
 *
 * <p>Immutable; each {@code with...} method returns a copy.
 * <pre>{@code cache.set("user:1", user, SetOptions.ttl(Duration.ofMinutes(5)).withTags("users", "team:7"));}</pre>
 */
public final class SetOptions {

  private static final SetOptions NONE = new SetOptions(null, Set.of(), null, null, Freshness.none());

  private final @Nullable Duration ttl;
  private final Set<String> tags;
  /** Makes the tags when they are first read, in place of {@link #tags}; {@code null} for tags given as they are. */
  private final @Nullable Supplier<? extends Collection<String>> tagSource;
  /** What {@link #tagSource} made, once read (a race makes them twice, alike). */
  private volatile @Nullable Set<String> madeTags;
  private final @Nullable Duration fetchTimeout;
  private final Freshness freshness;

  private SetOptions(@Nullable Duration ttl, Set<String> tags,
      @Nullable Supplier<? extends Collection<String>> tagSource, @Nullable Duration fetchTimeout,
      Freshness freshness) {
    this.ttl = ttl;
    this.tags = tags;
    this.tagSource = tagSource;
    this.fetchTimeout = fetchTimeout;
    this.freshness = freshness;
  }

  /** No TTL of its own (the cache's default applies) and no tags. */
  public static SetOptions none() {
    return NONE;
  }

  /** Options with the time-to-live {@code ttl}, which must be positive. */
  public static SetOptions ttl(Duration ttl) {
    return NONE.withTtl(ttl);
  }

  /** Options with the given tags (each non-empty) and the cache's default TTL. */
  static SetOptions tags(Collection<String> tags) {
    return NONE.withTags(tags);
  }

  /** Options with the given tags (each non-empty) and the cache's default TTL. */
  public static SetOptions tags(String... tags) {
    return NONE.withTags(tags);
  }

  /** Options with the fetch timeout {@code fetchTimeout}; see {@link #withFetchTimeout}. */
  public static SetOptions fetchTimeout(Duration fetchTimeout) {
    return NONE.withFetchTimeout(fetchTimeout);
  }

  /** A copy with time-to-live {@code ttl}, which must be positive. */
  public SetOptions withTtl(Duration ttl) {
    freshness.checkAgainst(requirePositive(ttl, "ttl"), "of these options");
    return new SetOptions(ttl, tags, tagSource, fetchTimeout, freshness);
  }

  /**
   * A copy whose {@code getOrFetch} waits at most {@code fetchTimeout} (positive) for a fetch of the key that
   * another caller runs, and abandons its own asynchronous fetch after it; overrides
   * {@link CacheBuilder#fetchTimeout} for the calls given these options. Writes ignore it.
   */
  public SetOptions withFetchTimeout(Duration fetchTimeout) {
    return new SetOptions(ttl, tags, tagSource, requirePositive(fetchTimeout, "fetchTimeout"), freshness);
  }

  /**
   * A copy whose {@code getOrFetch} returns a hit on an entry at least {@code refreshAfter} old at once and
   * re-fetches it in the background; see {@link CacheBuilder#refreshAfter}. Needs a cache built with freshness
   * settings.
   */
  public SetOptions withRefreshAfter(Duration refreshAfter) {
    return withFreshness(freshness.withRefreshAfter(refreshAfter));
  }

  /** A copy with its own stale-while-revalidate window; see {@link CacheBuilder#staleWhileRevalidate}. */
  public SetOptions withStaleWhileRevalidate(Duration staleWhileRevalidate) {
    return withFreshness(freshness.withStaleWhileRevalidate(staleWhileRevalidate));
  }

  /** A copy with its own stale-if-error window; see {@link CacheBuilder#staleIfError}. */
  public SetOptions withStaleIfError(Duration staleIfError) {
    return withFreshness(freshness.withStaleIfError(staleIfError));
  }

  /** A copy that remembers an absent result for {@code negativeTtl}; see {@link CacheBuilder#negativeTtl}. */
  public SetOptions withNegativeTtl(Duration negativeTtl) {
    return withFreshness(freshness.withNegativeTtl(negativeTtl));
  }

  /** A copy with these freshness settings, replacing any this has. */
  public SetOptions withFreshness(Freshness freshness) {
    Objects.requireNonNull(freshness, "freshness must not be null");
    if (ttl != null) {
      freshness.checkAgainst(ttl, "of these options");
    }
    return new SetOptions(ttl, tags, tagSource, fetchTimeout, freshness);
  }

  /** A copy with these tags, replacing any tags this has. */
  public SetOptions withTags(String... tags) {
    Objects.requireNonNull(tags, "tags must not be null");
    return withTags(Arrays.asList(tags));
  }

  /** A copy with these tags, replacing any tags this has. */
  public SetOptions withTags(Collection<String> tags) {
    return new SetOptions(ttl, checkTags(tags), null, fetchTimeout, freshness);
  }

  /**
   * A copy whose tags {@code tags} makes when the cache first reads them, which it does when it is about to store
   * an entry (a miss of {@code getOrFetch} before the fetcher runs, a refresh, a write) and never on a hit: for
   * tags rendered from a call's arguments, which a hit then does not pay for. Replaces any tags this has.
   * {@code tags} runs on the reading thread, once per copy (twice if two threads read at once), and must answer
   * the same tags each time; bad tags (null, empty) are rejected when read.
   */
  public SetOptions withTagsWhenStored(Supplier<? extends Collection<String>> tags) {
    Objects.requireNonNull(tags, "tags must not be null");
    return new SetOptions(ttl, Set.of(), tags, fetchTimeout, freshness);
  }

  /** The entry's own time-to-live, or {@code null} to use the cache's default. */
  public @Nullable Duration ttl() {
    return ttl;
  }

  /** The entry's tags, in the order given, without duplicates; made on the first read for {@link #withTagsWhenStored}. */
  public Set<String> tags() {
    Supplier<? extends Collection<String>> source = tagSource;
    if (source == null) {
      return tags;
    }
    Set<String> made = madeTags;
    if (made == null) {
      made = checkTags(source.get());
      madeTags = made;
    }
    return made;
  }

  /** The fetch timeout of {@code getOrFetch} calls with these options, or {@code null} for the cache's. */
  public @Nullable Duration fetchTimeout() {
    return fetchTimeout;
  }

  /** The call's own freshness settings; those it leaves off come from the cache. */
  public Freshness freshness() {
    return freshness;
  }

  static Duration requirePositive(@Nullable Duration ttl, String name) {
    if (ttl == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + ttl);
    }
    return ttl;
  }

  static Set<String> checkTags(@Nullable Collection<String> tags) {
    Collection<String> checked = Arguments.strings(tags, "tags");
    return checked.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(checked));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SetOptions other && Objects.equals(ttl, other.ttl) && tags().equals(other.tags())
        && Objects.equals(fetchTimeout, other.fetchTimeout) && freshness.equals(other.freshness);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, tags(), fetchTimeout, freshness);
  }

  @Override
  public String toString() {
    return "SetOptions{ttl=" + ttl + ", tags=" + tags()
        + (fetchTimeout != null ? ", fetchTimeout=" + fetchTimeout : "")
        + (freshness.isNone() ? "" : ", " + freshness) + "}";
  }
}
