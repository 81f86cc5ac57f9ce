/**
 * The service-provider interface a storage implements: {@link dev.cachefn.spi.Storage} hands out one
 * {@link dev.cachefn.spi.Keyspace} per namespace, and {@link dev.cachefn.spi.StorageProvider} makes a
 * storage findable by name through {@link java.util.ServiceLoader}. {@code Keyspace} (its bulk operations are
 * those of {@link dev.cachefn.spi.TaggedEntries}) is all a storage must implement; a keyspace that can do more also implements an optional capability
 * ({@link dev.cachefn.spi.ConditionalWrites}, {@link dev.cachefn.spi.FailureCounts},
 * {@link dev.cachefn.spi.FetchCoordination}, {@link dev.cachefn.spi.LookupCounting}). {@link dev.cachefn.spi.SettingDurations} is the duration grammar of
 * every {@code cachefn.*} setting, for a storage that reads settings of its own, and
 * {@link dev.cachefn.spi.ThreadStripes} the striping rule of per-thread hot-path state; the {@code cachefn-testkit}
 * module holds the contract suite a storage runs to prove it serves a cache.
 */
@NullMarked
package dev.cachefn.spi;

import org.jspecify.annotations.NullMarked;
