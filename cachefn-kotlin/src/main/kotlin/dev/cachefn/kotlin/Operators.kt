package dev.cachefn.kotlin

import dev.cachefn.Cache

// `cache[key]` and `cache[key] = value` need nothing here: Kotlin calls the Java members `Cache.get(String)`
// and `Cache.set(String, V)` as the indexing operators (an extension of the same name would be shadowed by
// them and never called). For the same reason `findUser(42L)` on a memoized function needs no import: the
// Java interfaces (MemoizedFunction, MemoizedBiFunction, MemoizedSupplier, MemoizedAsyncFunction) declare
// `invoke`, which Kotlin calls as the operator.

/** `key in cache`: whether the cache holds a live entry for [key]; see [Cache.has]. */
operator fun Cache<*>.contains(key: String): Boolean = has(key)
