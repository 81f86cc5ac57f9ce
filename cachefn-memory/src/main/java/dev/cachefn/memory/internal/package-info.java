/** The in-memory engine. Not exported; nothing here is public API. */
@NullMarked
package dev.cachefn.memory.internal;

import org.jspecify.annotations.NullMarked;
