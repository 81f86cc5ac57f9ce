/**
 * Bindings of {@link dev.cachefn.spi.CacheMetrics} to metrics libraries: {@link
 * dev.cachefn.metrics.OpenTelemetryCacheMetrics}, {@link dev.cachefn.metrics.MicrometerCacheMetrics} and
 * {@link dev.cachefn.metrics.MicroProfileCacheMetrics}. Each takes its registry in its constructor and needs its
 * library only when it is loaded; {@link dev.cachefn.metrics.MetricsLibraries} tells which are on the class
 * path. Every metric carries the cache's name and, when one is given, the application's, so that two
 * applications sharing one registry do not collide.
 *
 * <p>Everything in this package is null-marked.
 */
@NullMarked
package dev.cachefn.metrics;

import org.jspecify.annotations.NullMarked;
