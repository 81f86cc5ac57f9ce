/**
 * The JCache implementation behind {@link dev.cachefn.jcache.CacheFnCachingProvider}: cache manager, cache,
 * its entry table with expiry, listener dispatch, statistics and management beans. Not an API: only the class
 * names given to the TCK and {@code unwrap} targets are meant to be named from outside.
 */
package dev.cachefn.jcache.internal;
