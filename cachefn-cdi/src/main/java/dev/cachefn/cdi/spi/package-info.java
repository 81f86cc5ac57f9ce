/**
 * What a container integration needs from {@code cachefn-cdi} and may rely on: for a runtime that builds the
 * application ahead of time and runs no portable extension (the Quarkus extension is one), the beans to register
 * ({@link dev.cachefn.cdi.spi.CacheFnBeans}), the start-up checks with the messages Weld gives
 * ({@link dev.cachefn.cdi.spi.CacheFnChecks}), the qualifier that selects a cache's events by name
 * ({@link dev.cachefn.cdi.spi.BindingCacheName}) and the hook that tells the caches which events are observed
 * ({@link dev.cachefn.cdi.spi.ObservedCacheEvents}); and, for a module that teaches the interceptors another
 * kind of method, the service that runs them on Kotlin {@code suspend} functions
 * ({@link dev.cachefn.cdi.spi.SuspendSupport}, implemented by {@code cachefn-kotlin}). Applications do not need
 * this package.
 *
 * <p>Everything here is null-marked. The package {@code dev.cachefn.cdi.internal} is not part of this contract.
 */
@NullMarked
package dev.cachefn.cdi.spi;

import org.jspecify.annotations.NullMarked;
