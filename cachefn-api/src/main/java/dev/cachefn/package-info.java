/**
 * CacheFn: named caches with TTL, tags and glob patterns, cache-aside loading and memoization.
 *
 * <p>Start with {@link dev.cachefn.CacheFn#builder(String)}. Everything in this package is null-marked:
 * a parameter or result may be {@code null} only where it says {@code @Nullable}.
 */
@NullMarked
package dev.cachefn;

import org.jspecify.annotations.NullMarked;
