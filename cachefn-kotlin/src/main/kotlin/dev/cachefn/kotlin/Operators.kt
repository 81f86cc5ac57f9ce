package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.MemoizedBiFunction
import dev.cachefn.MemoizedFunction
import dev.cachefn.MemoizedSupplier

// `cache[key]` and `cache[key] = value` need nothing here: Kotlin calls the Java members `Cache.get(String)`
// and `Cache.set(String, V)` as the indexing operators (an extension of the same name would be shadowed by
// them and never called).

/** `key in cache`: whether the cache holds a live entry for [key]; see [Cache.has]. */
operator fun Cache<*>.contains(key: String): Boolean = has(key)

/** `findUser(42L)`: the memoized result for [argument]; see [MemoizedFunction.apply]. */
operator fun <T, R> MemoizedFunction<T, R>.invoke(argument: T): R = apply(argument)

/** `add(2, 3)`: the memoized result for the two arguments; see [MemoizedBiFunction.apply]. */
operator fun <T, U, R> MemoizedBiFunction<T, U, R>.invoke(first: T, second: U): R = apply(first, second)

/** `config()`: the memoized result; see [MemoizedSupplier.get]. */
operator fun <R> MemoizedSupplier<R>.invoke(): R = get()
