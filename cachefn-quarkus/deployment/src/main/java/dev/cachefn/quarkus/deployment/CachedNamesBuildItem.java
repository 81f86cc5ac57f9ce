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

  CachedNamesBuildItem(Set<String> cacheNames, Set<String> memoizedMethods, List<String> observers) {
    this.cacheNames = Set.copyOf(cacheNames);
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
}
