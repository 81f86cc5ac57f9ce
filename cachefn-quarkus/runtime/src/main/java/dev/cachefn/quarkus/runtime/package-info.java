/**
 * The run-time part of the CacheFn Quarkus extension: Micrometer metrics and the start-up configuration
 * check. Applications use the annotations and types of {@code dev.cachefn.cdi}; nothing here is an API.
 */
@NullMarked
package dev.cachefn.quarkus.runtime;

import org.jspecify.annotations.NullMarked;
