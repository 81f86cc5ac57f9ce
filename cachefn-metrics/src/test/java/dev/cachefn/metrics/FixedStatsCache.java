package dev.cachefn.metrics;

import dev.cachefn.Cache;
import dev.cachefn.CacheStats;
import dev.cachefn.Subscription;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cache whose {@code stats()} answers fixed figures, a different one per field, so that a binding reading the
 * wrong field shows; every other method but {@code name()}, {@code on()} and {@code close()} fails.
 */
final class FixedStatsCache {

  static final CacheStats STATS = new CacheStats(11, 5, 3, 2, 7, 13, 17, 19_000, 23, 29, 31, 37, 41, 43);

  /** What each measure reports for {@link #STATS}: a new measure needs its line here, or the tests fail. */
  static final Map<Measure, Double> EXPECTED = new EnumMap<>(Map.ofEntries(
      Map.entry(Measure.HITS, 11.0),
      Map.entry(Measure.MISSES, 5.0),
      Map.entry(Measure.EVICTIONS, 7.0),
      Map.entry(Measure.EXPIRATIONS, 13.0),
      Map.entry(Measure.DECODE_FAILURES, 29.0),
      Map.entry(Measure.REFRESHES, 31.0),
      Map.entry(Measure.REFRESH_FAILURES, 37.0),
      Map.entry(Measure.STALE_SERVED, 41.0),
      Map.entry(Measure.FETCH_TIMEOUTS, 43.0),
      Map.entry(Measure.SIZE, 17.0),
      Map.entry(Measure.HIT_RATIO, 11.0 / 16),
      Map.entry(Measure.MEMORY, 19_000.0)));

  private FixedStatsCache() {}

  @SuppressWarnings("unchecked")
  static Cache<String> named(String name) {
    return (Cache<String>) Proxy.newProxyInstance(Cache.class.getClassLoader(), new Class<?>[] {Cache.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "name" -> name;
          case "stats" -> STATS;
          case "on" -> (Subscription) () -> {};
          case "close" -> null;
          case "toString" -> "FixedStatsCache[" + name + "]";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
