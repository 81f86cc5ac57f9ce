package dev.cachefn.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.Set;

/** The caches and memoized methods that the build-time checks found, for the start-up configuration check. */
final class CachedNamesBuildItem extends SimpleBuildItem {

  private final Set<String> cacheNames;
  private final Set<String> memoizedMethods;

  CachedNamesBuildItem(Set<String> cacheNames, Set<String> memoizedMethods) {
    this.cacheNames = Set.copyOf(cacheNames);
    this.memoizedMethods = Set.copyOf(memoizedMethods);
  }

  Set<String> cacheNames() {
    return cacheNames;
  }

  Set<String> memoizedMethods() {
    return memoizedMethods;
  }
}
