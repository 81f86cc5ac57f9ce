/**
 * What a container integration needs from {@code cachefn-cdi} and may rely on: for a runtime that builds the
 * application ahead of time and runs no portable extension (the Quarkus extension is one), the beans to register
 * ({@link dev.cachefn.cdi.spi.CacheFnBeans}) and the interceptor binding to index with the public ones
 * ({@link dev.cachefn.cdi.spi.InvalidationBinding}), the start-up checks with the messages Weld gives
 * ({@link dev.cachefn.cdi.spi.CacheFnChecks}), the qualifier that selects a cache's events by name
 * ({@link dev.cachefn.cdi.spi.BindingCacheName}) and the hook that tells the caches which events are observed
 * ({@link dev.cachefn.cdi.spi.ObservedCacheEvents}); and, for a module that teaches the interceptors another
 * kind of method whose result arrives later, the service that runs its calls
 * ({@link dev.cachefn.cdi.spi.AsyncResultType}, with {@link dev.cachefn.cdi.spi.StageResultType} for types that
 * convert to and from a {@code CompletionStage}; Mutiny's {@code Uni} and {@code cachefn-kotlin}'s
 * {@code suspend} funs are providers). Applications do not need this package.
 *
 * <p>Everything here is null-marked. The package {@code dev.cachefn.cdi.internal} is not part of this contract.
 */
@NullMarked
package dev.cachefn.cdi.spi;

import org.jspecify.annotations.NullMarked;
