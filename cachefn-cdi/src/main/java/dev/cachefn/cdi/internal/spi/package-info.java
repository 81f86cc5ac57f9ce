/**
 * Internal: the service interface through which {@code cachefn-kotlin} teaches the CDI interceptors Kotlin
 * {@code suspend} functions. Not an API; it may change in any release.
 */
@NullMarked
package dev.cachefn.cdi.internal.spi;

import org.jspecify.annotations.NullMarked;
