/**
 * CacheFn for Jakarta CDI: inject named caches with {@link dev.cachefn.cdi.CacheName}, look them up with
 * {@link dev.cachefn.cdi.NamedCaches}, memoize methods with {@link dev.cachefn.cdi.Memoize}, and configure
 * caches through MicroProfile Config ({@code cachefn.cache.<name>.*}, {@code cachefn.default.*}).
 *
 * <p>Everything in this package is null-marked: {@code null} is allowed only where it says
 * {@code @Nullable}. The package {@code dev.cachefn.cdi.internal} is not part of the API.
 */
@NullMarked
package dev.cachefn.cdi;

import org.jspecify.annotations.NullMarked;
