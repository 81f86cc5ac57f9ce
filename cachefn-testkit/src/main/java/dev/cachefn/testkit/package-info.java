/**
 * Test fixtures for code that uses CacheFn and for storage authors: {@link dev.cachefn.testkit.FakeTicker}, a
 * clock a test moves by hand; {@link dev.cachefn.testkit.Await}, bounded polling for what a remote storage does in
 * its own time; and {@link dev.cachefn.testkit.StorageContract}, the JUnit 5 suite that every
 * {@link dev.cachefn.spi.Storage} must pass (CacheFn's memory and Redis storages run it), with
 * {@link dev.cachefn.testkit.ConditionalWritesContract} for the optional compare-and-set. Add it with test scope.
 */
@NullMarked
package dev.cachefn.testkit;

import org.jspecify.annotations.NullMarked;
