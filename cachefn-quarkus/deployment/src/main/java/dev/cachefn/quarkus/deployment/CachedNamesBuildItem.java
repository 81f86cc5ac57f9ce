package dev.cachefn.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;
import java.util.Set;

/**
 * What the build found for the run time: the caches and memoized methods (for the start-up configuration
 * check) and the observers of cache events (written by {@code BuildTimeObservers.encode}).
 */
final class CachedNamesBuildItem extends SimpleBuildItem {

  private final Set<String> cacheNames;
  private final Set<String> memoizedMethods;
  private final List<String> observers;
  private final Set<String> writeTimeCaches;

  CachedNamesBuildItem(Set<String> cacheNames, Set<String> memoizedMethods, List<String> observers,
      Set<String> writeTimeCaches) {
    this.cacheNames = Set.copyOf(cacheNames);
    this.writeTimeCaches = Set.copyOf(writeTimeCaches);
    this.memoizedMethods = Set.copyOf(memoizedMethods);
    this.observers = List.copyOf(observers);
  }

  List<String> observers() {
    return observers;
  }

  Set<String> cacheNames() {
    return cacheNames;
  }

  Set<String> memoizedMethods() {
    return memoizedMethods;
  }

  /** The caches that a {@code @Memoize} with freshness settings uses: they store write times. */
  Set<String> writeTimeCaches() {
    return writeTimeCaches;
  }
}
