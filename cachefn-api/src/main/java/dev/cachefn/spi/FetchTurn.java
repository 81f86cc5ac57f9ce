package dev.cachefn.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a storage answers when the cache is about to fetch a missing key
 * ({@link FetchCoordination#beginFetch}): the value, stored meanwhile by a fetch elsewhere (another application
 * instance that shares the storage), or the go-ahead to fetch. A go-ahead is ended with {@link #end()} once the
 * fetched value is stored or the fetch failed, so that the storage can let others know. Immutable.
 *
 * @param <V> the type of the values
 */
public final class FetchTurn<V> {

  private static final Runnable NOTHING = () -> {};
  private static final FetchTurn<Object> FETCH = new FetchTurn<>(null, NOTHING);

  private final @Nullable V found;
  private final Runnable end;

  private FetchTurn(@Nullable V found, Runnable end) {
    this.found = found;
    this.end = end;
  }

  /** Fetch now; nothing to do afterwards. */
  @SuppressWarnings("unchecked")
  public static <V> FetchTurn<V> fetch() {
    return (FetchTurn<V>) FETCH;
  }

  /** Fetch now, and run {@code end} once the value is stored or the fetch failed. */
  public static <V> FetchTurn<V> fetch(Runnable end) {
    return new FetchTurn<>(null, Objects.requireNonNull(end, "end must not be null"));
  }

  /** Do not fetch: {@code value} was stored meanwhile. */
  public static <V> FetchTurn<V> found(V value) {
    return new FetchTurn<>(Objects.requireNonNull(value, "value must not be null"), NOTHING);
  }

  /** The value stored meanwhile, or {@code null} when the caller is to fetch. */
  public @Nullable V found() {
    return found;
  }

  /** Ends a go-ahead: the fetched value is stored, or the fetch failed. Must not throw. */
  public void end() {
    end.run();
  }
}
