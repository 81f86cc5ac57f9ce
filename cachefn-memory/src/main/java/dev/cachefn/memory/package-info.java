/** The in-memory storage: {@link dev.cachefn.memory.MemoryStorage}. */
@NullMarked
package dev.cachefn.memory;

import org.jspecify.annotations.NullMarked;
