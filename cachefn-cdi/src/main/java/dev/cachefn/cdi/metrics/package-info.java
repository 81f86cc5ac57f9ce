/**
 * The metrics SPI of the CDI layer: {@link dev.cachefn.cdi.metrics.CacheMetrics} reports each named cache to
 * a metrics library. CacheFn ships a MicroProfile Metrics 5 implementation, used when the runtime has one;
 * a runtime with another library (Micrometer on Quarkus) provides its own as a CDI bean.
 *
 * <p>Everything in this package is null-marked.
 */
@NullMarked
package dev.cachefn.cdi.metrics;

import org.jspecify.annotations.NullMarked;
