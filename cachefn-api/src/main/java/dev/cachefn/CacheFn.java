package dev.cachefn;

import dev.cachefn.internal.Caches;

/**
 * Entry point: creates caches. Memoized functions come from {@link Memoizer}.
 *
 * <pre>{@code
 * Cache<User> users = CacheFn.builder("users").maxSize(1_000).defaultTtl(Duration.ofMinutes(10)).build();
 * User user = users.getOrFetch("user:42", () -> repository.find(42));
 * }</pre>
 */
public final class CacheFn {

  private CacheFn() {}

  /** Starts building a cache named {@code name} (not blank). */
  public static CacheBuilder builder(String name) {
    return new CacheBuilder(name);
  }

  /** Creates a cache from settings built earlier. */
  public static <V> Cache<V> create(CacheOptions options) {
    return Caches.create(options);
  }
}
