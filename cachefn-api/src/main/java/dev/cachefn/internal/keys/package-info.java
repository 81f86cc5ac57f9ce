/**
 * How method arguments are written into cache keys, shared by {@code Cache.memoize} and the CDI module's
 * {@code @Memoize}. Not exported to applications; {@code module-info} exports it to {@code dev.cachefn.cdi} only.
 */
@NullMarked
package dev.cachefn.internal.keys;

import org.jspecify.annotations.NullMarked;
