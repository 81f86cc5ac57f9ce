/**
 * The service-provider interface a storage implements: {@link dev.cachefn.spi.Storage} hands out one
 * {@link dev.cachefn.spi.Keyspace} per namespace, and {@link dev.cachefn.spi.StorageProvider} makes a
 * storage findable by name through {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.cachefn.spi;

import org.jspecify.annotations.NullMarked;
