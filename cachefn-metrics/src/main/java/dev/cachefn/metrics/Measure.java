package dev.cachefn.metrics;

import dev.cachefn.CacheEventType;
import dev.cachefn.CacheStats;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Every measure the bindings report, one constant each: adding a constant here adds it to the OpenTelemetry,
 * Micrometer and MicroProfile Metrics bindings (and to their tests, which go through all of them).
 *
 * <p>Each has its Micrometer and MicroProfile Metrics name (dotted; their Prometheus output adds {@code _total}
 * to counters and the unit to the name), its OpenTelemetry name in the semantic-convention style, its unit
 * (UCUM, as OpenTelemetry writes it; {@code By} also makes the other two bindings say bytes), its {@link Kind}
 * and how to read it from {@link CacheStats}. A counter may name the cache event that counts one, for
 * MicroProfile Metrics, whose counters cannot read a function; a counter without one is a gauge there.
 */
enum Measure {
  HITS("cachefn.cache.hits", "cachefn.cache.hits", "{hit}", Kind.COUNTER, CacheStats::hits,
      "Lookups that found a value", CacheEventType.HIT),
  MISSES("cachefn.cache.misses", "cachefn.cache.misses", "{miss}", Kind.COUNTER, CacheStats::misses,
      "Lookups that found nothing", CacheEventType.MISS),
  EVICTIONS("cachefn.cache.evictions", "cachefn.cache.evictions", "{entry}", Kind.COUNTER, CacheStats::evictions,
      "Entries removed to respect the maximum size", CacheEventType.EVICTION),
  EXPIRATIONS("cachefn.cache.expirations", "cachefn.cache.expirations", "{entry}", Kind.COUNTER,
      CacheStats::expirations, "Entries removed because their time-to-live ran out", CacheEventType.EXPIRATION),
  DECODE_FAILURES("cachefn.cache.decode.failures", "cachefn.cache.decode_failures", "{value}", Kind.COUNTER,
      CacheStats::decodeFailures, "Stored values that could not be read back; each was removed and was a miss"),
  REFRESHES("cachefn.cache.refreshes", "cachefn.cache.refreshes", "{refresh}", Kind.COUNTER,
      CacheStats::refreshes, "Background refreshes that completed (refresh-ahead, stale-while-revalidate)"),
  REFRESH_FAILURES("cachefn.cache.refresh.failures", "cachefn.cache.refresh_failures", "{refresh}", Kind.COUNTER,
      CacheStats::refreshFailures, "Background refreshes that failed or could not start; the old value stayed"),
  STALE_SERVED("cachefn.cache.stale.served", "cachefn.cache.stale_served", "{value}", Kind.COUNTER,
      CacheStats::staleServed, "Values returned past their time-to-live (stale-while-revalidate, stale-if-error)",
      CacheEventType.STALE),
  FETCH_TIMEOUTS("cachefn.cache.fetch.timeouts", "cachefn.cache.fetch_timeouts", "{timeout}", Kind.COUNTER,
      CacheStats::fetchTimeouts, "Waits for a fetch, and asynchronous fetches, that ended at the fetch timeout"),
  SIZE("cachefn.cache.size", "cachefn.cache.size", "{entry}", Kind.UP_DOWN, CacheStats::size,
      "Entries in the cache"),
  HIT_RATIO("cachefn.cache.hit.ratio", "cachefn.cache.hit_ratio", "1", Kind.GAUGE, Measure::hitRatio,
      "Hits as a fraction of lookups, from 0 to 1; 0 before the first lookup"),
  MEMORY("cachefn.cache.memory", "cachefn.cache.memory.usage", "By", Kind.UP_DOWN, CacheStats::memoryUsageBytes,
      "Estimated bytes of the live entries (not the table reserved for the maximum size)");

  /** How a measure behaves over time, which decides its instrument. */
  enum Kind {
    /** A whole number that only grows. */
    COUNTER,
    /** A whole number that goes up and down. */
    UP_DOWN,
    /** A fraction, read as it is. */
    GAUGE
  }

  /** The unit of bytes. */
  static final String BYTES = "By";
  /** The tag (Micrometer, MicroProfile Metrics) that names the cache. */
  static final String CACHE_TAG = "cache";
  /** The tag that names the application, when one is given. */
  static final String APPLICATION_TAG = "application";
  /** The OpenTelemetry attribute that names the cache. */
  static final String CACHE_ATTRIBUTE = "cachefn.cache.name";
  /** The OpenTelemetry attribute that names the application, when one is given. */
  static final String APPLICATION_ATTRIBUTE = "cachefn.application";

  final String name;
  final String openTelemetryName;
  final String unit;
  final Kind kind;
  final String description;
  /** The cache event that counts one, for libraries whose counters cannot read a function. */
  final @Nullable CacheEventType event;
  private final ToDoubleFunction<CacheStats> reading;

  Measure(String name, String openTelemetryName, String unit, Kind kind, ToDoubleFunction<CacheStats> reading,
      String description) {
    this(name, openTelemetryName, unit, kind, reading, description, null);
  }

  Measure(String name, String openTelemetryName, String unit, Kind kind, ToDoubleFunction<CacheStats> reading,
      String description, @Nullable CacheEventType event) {
    if (event != null && kind != Kind.COUNTER) {
      throw new IllegalArgumentException(name + ": only a counter counts events, not a " + kind);
    }
    this.name = name;
    this.openTelemetryName = openTelemetryName;
    this.unit = unit;
    this.kind = kind;
    this.reading = reading;
    this.description = description;
    this.event = event;
  }

  /** Whether the unit is bytes, which Micrometer and MicroProfile Metrics spell out. */
  boolean inBytes() {
    return BYTES.equals(unit);
  }

  double read(CacheStats stats) {
    return reading.applyAsDouble(stats);
  }

  static double hitRatio(CacheStats stats) {
    long requests = stats.requests();
    return requests == 0 ? 0.0 : (double) stats.hits() / requests;
  }
}
