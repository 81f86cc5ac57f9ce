/**
 * CacheFn as a JCache (JSR-107) provider: {@link dev.cachefn.jcache.CacheFnCachingProvider} is registered in
 * {@code META-INF/services/javax.cache.spi.CachingProvider}, so {@code Caching.getCachingProvider()} finds it.
 * Everything else lives in the {@code internal} package and is reached through the {@code javax.cache} API
 * and {@code unwrap}.
 */
@NullMarked
package dev.cachefn.jcache;

import org.jspecify.annotations.NullMarked;
