package dev.cachefn;

import java.time.Duration;

/**
 * A caller of {@code getOrFetch} (or a memoized function) gave up on a fetch of its key that another caller
 * started, because it did not finish within the fetch timeout; or an asynchronous fetch did not complete
 * within it and was abandoned. The fetch itself is not cancelled: a synchronous fetcher runs on to the end
 * on its own thread and its caller gets its result. The next caller of the key after an abandoned
 * asynchronous fetch starts a fetch of its own.
 *
 * <p>The timeout is {@link CacheBuilder#fetchTimeout}, or {@link SetOptions#withFetchTimeout} for one call.
 */
public final class FetchTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String cacheName;
  private final String key;
  private final Duration timeout;

  /** An exception naming the cache, the key and the timeout that ran out; {@code message} says what gave up. */
  public FetchTimeoutException(String cacheName, String key, Duration timeout, String message) {
    super(message);
    this.cacheName = cacheName;
    this.key = key;
    this.timeout = timeout;
  }

  /** The name of the cache whose key was being fetched. */
  public String cacheName() {
    return cacheName;
  }

  /** The key being fetched. */
  public String key() {
    return key;
  }

  /** The fetch timeout that ran out. */
  public Duration timeout() {
    return timeout;
  }
}
