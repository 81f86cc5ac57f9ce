/**
 * The in-memory storage, {@link dev.cachefn.memory.MemoryStorage}, and its engine for keys of any type,
 * {@link dev.cachefn.memory.EntryStore}.
 */
@NullMarked
package dev.cachefn.memory;

import org.jspecify.annotations.NullMarked;
