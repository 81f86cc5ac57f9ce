package dev.cachefn.benchmarks.memoize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The method the memoization benchmark caches, written three ways: plain (the direct call, no cache) and
 * caching by hand with Caffeine, the code a user writes today without an annotation. The work itself is a
 * small string build, standing in for a lookup.
 */
public final class Users {

  private final Cache<String, String> cache;

  public Users(int maximumSize) {
    cache = Caffeine.newBuilder().initialCapacity(maximumSize).maximumSize(maximumSize).build();
  }

  /** The value a lookup of {@code id} computes. */
  static String load(String id) {
    return "user " + id;
  }

  /** The direct call: the method body, no cache. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return load(id);
  }

  /** The method body caching by hand in a Caffeine cache. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String findCachedByHand(String id) {
    return cache.get(id, Users::load);
  }
}
