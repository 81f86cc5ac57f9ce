/**
 * The CDI layer's implementation: the portable extension, the cache registry and producer, the interceptors
 * and the configuration reader. Not part of the API; it may change in any release.
 */
@NullMarked
package dev.cachefn.cdi.internal;

import org.jspecify.annotations.NullMarked;
