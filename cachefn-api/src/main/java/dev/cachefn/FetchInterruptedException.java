package dev.cachefn;

/**
 * A caller of {@code getOrFetch} was interrupted while it waited for a fetch of its key that another caller
 * runs. It stopped waiting, with the thread's interrupt flag set again; the fetch goes on for its other
 * callers. The cause is the {@link InterruptedException}.
 */
public final class FetchInterruptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String cacheName;
  private final String key;

  /** An exception naming the cache and the key the interrupted caller waited for. */
  public FetchInterruptedException(String cacheName, String key, InterruptedException cause) {
    super("interrupted while waiting for the fetch of key '" + key + "' of cache '" + cacheName
        + "' that another caller runs; the fetch goes on for the others", cause);
    this.cacheName = cacheName;
    this.key = key;
  }

  /** The name of the cache whose key was being fetched. */
  public String cacheName() {
    return cacheName;
  }

  /** The key being fetched. */
  public String key() {
    return key;
  }
}
