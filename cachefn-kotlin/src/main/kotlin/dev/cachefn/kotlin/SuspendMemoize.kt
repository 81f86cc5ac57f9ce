package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheFn
import kotlin.time.Duration

/**
 * A memoized `suspend` function of one argument, made by [memoize]. Thread-safe.
 */
class SuspendMemoizedFunction<T, R> internal constructor(
  private val cache: Cache<Any>,
  private val ttl: Duration?,
  private val tags: Set<String>,
  private val key: (T) -> String,
  private val function: suspend (T) -> R,
) {

  /**
   * The cached result for [argument], or the function's result, computed once for concurrent callers with
   * the same key (see [getOrFetch] for where it runs and how cancellation works). A `null` result and an
   * exception are passed on and not cached.
   */
  suspend operator fun invoke(argument: T): R {
    @Suppress("UNCHECKED_CAST") // the cache only ever holds results of this function
    return cache.getOrFetchSuspending(key(argument), ttl, tags) { function(argument) } as R
  }

  /** Forgets the result for [argument]; returns whether one was cached. */
  fun invalidate(argument: T): Boolean = cache.delete(key(argument))

  /** Forgets every cached result of this function. */
  fun clear() {
    cache.clear()
  }
}

/**
 * Memoizes a `suspend` function in a cache of its own named [name]:
 *
 * ```
 * val findUser = memoize("findUser", ttl = 5.minutes, tags = setOf("users")) { id: Long -> repository.find(id) }
 * findUser(42L)
 * ```
 *
 * Results are kept for [ttl] (default: no expiry), at most [maxSize] of them (default: the [CacheFn.builder]
 * default), with [tags]. The key of an argument is [key] of it, by default its `toString()`: give a key for a
 * type that does not override `toString()` (a data class does), or for several arguments passed as one
 * value. Single flight, failure and `null` rules are those of [getOrFetch].
 *
 * @throws IllegalArgumentException for a bad name, TTL, size or tag
 */
fun <T, R> memoize(
  name: String,
  ttl: Duration? = null,
  maxSize: Long? = null,
  tags: Set<String> = emptySet(),
  key: (T) -> String = { it.toString() },
  function: suspend (T) -> R,
): SuspendMemoizedFunction<T, R> {
  setOptions(ttl, tags) // fail fast on a bad TTL or tag, before the first call
  val cache = cache<Any>(name) { this.maxSize = maxSize }
  return SuspendMemoizedFunction(cache, ttl, tags, key, function)
}
