package dev.cachefn.metrics;

import dev.cachefn.CacheEventType;
import dev.cachefn.CacheStats;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The seven measures every binding reports, with each ecosystem's name: Micrometer and MicroProfile Metrics
 * names (dotted; their Prometheus output adds {@code _total} to counters and the unit to the name), and
 * OpenTelemetry names in its semantic-convention style (the unit in the unit field, UCUM units).
 */
enum Measure {
  HITS(Kind.COUNTER, "cachefn.cache.hits", "cachefn.cache.hits", "{hit}", "Lookups that found a value",
      CacheEventType.HIT, CacheStats::hits),
  MISSES(Kind.COUNTER, "cachefn.cache.misses", "cachefn.cache.misses", "{miss}", "Lookups that found nothing",
      CacheEventType.MISS, CacheStats::misses),
  EVICTIONS(Kind.COUNTER, "cachefn.cache.evictions", "cachefn.cache.evictions", "{entry}",
      "Entries removed to respect the maximum size", CacheEventType.EVICTION, CacheStats::evictions),
  EXPIRATIONS(Kind.COUNTER, "cachefn.cache.expirations", "cachefn.cache.expirations", "{entry}",
      "Entries removed because their time-to-live ran out", CacheEventType.EXPIRATION, CacheStats::expirations),
  SIZE(Kind.AMOUNT, "cachefn.cache.size", "cachefn.cache.size", "{entry}", "Entries in the cache", null,
      CacheStats::size),
  HIT_RATIO(Kind.RATIO, "cachefn.cache.hit.ratio", "cachefn.cache.hit_ratio", "1",
      "Hits as a fraction of lookups, from 0 to 1; 0 before the first lookup", null, Measure::hitRatio),
  MEMORY(Kind.BYTES, "cachefn.cache.memory", "cachefn.cache.memory.usage", "By",
      "Estimated bytes of the live entries (not the table reserved for the maximum size)", null,
      CacheStats::memoryUsageBytes);

  /** How a measure behaves over time, which decides its instrument. */
  enum Kind {
    /** Only grows. */
    COUNTER,
    /** A count that goes up and down. */
    AMOUNT,
    /** A fraction from 0 to 1. */
    RATIO,
    /** Bytes that go up and down. */
    BYTES
  }

  /** The tag (Micrometer, MicroProfile Metrics) that names the cache. */
  static final String CACHE_TAG = "cache";
  /** The tag that names the application, when one is given. */
  static final String APPLICATION_TAG = "application";
  /** The OpenTelemetry attribute that names the cache. */
  static final String CACHE_ATTRIBUTE = "cachefn.cache.name";
  /** The OpenTelemetry attribute that names the application, when one is given. */
  static final String APPLICATION_ATTRIBUTE = "cachefn.application";

  final Kind kind;
  final String name;
  final String openTelemetryName;
  final String openTelemetryUnit;
  final String description;
  /** The cache event that counts one, for libraries whose counters cannot read a function. */
  final @Nullable CacheEventType event;
  private final ToDoubleFunction<CacheStats> reading;

  Measure(Kind kind, String name, String openTelemetryName, String openTelemetryUnit, String description,
      @Nullable CacheEventType event, ToDoubleFunction<CacheStats> reading) {
    this.kind = kind;
    this.name = name;
    this.openTelemetryName = openTelemetryName;
    this.openTelemetryUnit = openTelemetryUnit;
    this.description = description;
    this.event = event;
    this.reading = reading;
  }

  double read(CacheStats stats) {
    return reading.applyAsDouble(stats);
  }

  static double hitRatio(CacheStats stats) {
    long requests = stats.requests();
    return requests == 0 ? 0.0 : (double) stats.hits() / requests;
  }
}
