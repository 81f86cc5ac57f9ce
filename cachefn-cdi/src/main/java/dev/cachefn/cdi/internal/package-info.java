/**
 * The CDI layer's implementation: the portable extension, the cache registry and producer, the interceptors
 * and the configuration reader. Not part of the API, nor of the contract for container integrations
 * ({@code dev.cachefn.cdi.spi}); it may change in any release.
 */
@NullMarked
package dev.cachefn.cdi.internal;

import org.jspecify.annotations.NullMarked;
