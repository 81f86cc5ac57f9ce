package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheFn
import dev.cachefn.SetOptions
import kotlin.time.Duration

/**
 * A memoized `suspend` function of one argument, made by [memoize]. Thread-safe.
 */
class SuspendMemoizedFunction<T, R> internal constructor(
  private val cache: Cache<Any>,
  private val options: SetOptions,
  private val key: (T) -> String,
  private val clearAll: Cache<Any>.() -> Unit,
  private val function: suspend (T) -> R,
) {

  /**
   * The cached result for [argument], or the function's result, computed once for concurrent callers with
   * the same key (see [getOrFetchSuspending] for where it runs and how cancellation works). A `null` result and an
   * exception are passed on and not cached.
   */
  suspend operator fun invoke(argument: T): R {
    @Suppress("UNCHECKED_CAST") // the cache holds results of this function under its keys
    return cache.getOrFetchSuspending(key(argument), options) { function(argument) } as R
  }

  /** Forgets the result for [argument]; returns whether one was cached. */
  fun invalidate(argument: T): Boolean = cache.delete(key(argument))

  /** Forgets every cached result of this function, and nothing else. */
  fun clear() {
    cache.clearAll()
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
 * Results are kept for [ttl] (default: no expiry), at most [maxSize] of them (an `Int` or a `Long`; default:
 * the [CacheFn.builder] default), with [tags]; a call waits for the shared call at most [fetchTimeout] (default: the
 * cache's, see [getOrFetchSuspending]). The key of an argument is [key] of it, by default its `toString()`: give a key for a
 * type that does not override `toString()` (a data class does), or for several arguments passed as one
 * value. Single flight, failure and `null` rules are those of [getOrFetchSuspending].
 *
 * @throws IllegalArgumentException for a bad name, TTL, fetch timeout, size or tag
 */
fun <T, R> memoize(
  name: String,
  ttl: Duration? = null,
  maxSize: Number? = null,
  tags: Set<String> = emptySet(),
  fetchTimeout: Duration? = null,
  key: (T) -> String = { it.toString() },
  function: suspend (T) -> R,
): SuspendMemoizedFunction<T, R> {
  val options = setOptions(ttl, tags, fetchTimeout) // fail fast on a bad TTL, timeout or tag, before the first call
  val cache = cache<Any>(name) { this.maxSize = maxSize }
  return SuspendMemoizedFunction(cache, options, key, { clear() }, function)
}

/**
 * Memoizes a `suspend` function in this cache, next to what else it holds, so that the cache's tag and
 * pattern invalidations reach its results:
 *
 * ```
 * val findUser = users.memoize("findUser", ttl = 5.minutes) { id: Long -> repository.find(id) }
 * findUser(42L)                 // stored in users under "findUser:42"
 * users.invalidateByPattern("findUser:*")
 * ```
 *
 * A result is stored under `<name>:<key of the argument>` ([key], by default the argument's `toString()`),
 * with [ttl] (default: the cache's default TTL), [tags] and the tag `memoize:<name>`, through which [clear]
 * removes this function's results and nothing else; a call waits at most [fetchTimeout] (default: the
 * cache's). Single flight, failure and `null` rules are those of
 * [getOrFetchSuspending].
 *
 * @throws IllegalArgumentException for a blank name, a bad TTL, fetch timeout or tag
 */
fun <T, V : Any, R : V?> Cache<V>.memoize(
  name: String,
  ttl: Duration? = null,
  tags: Set<String> = emptySet(),
  fetchTimeout: Duration? = null,
  key: (T) -> String = { it.toString() },
  function: suspend (T) -> R,
): SuspendMemoizedFunction<T, R> {
  require(name.isNotBlank()) { "name of a memoized function in cache '${name()}' must not be blank" }
  val ownTag = "memoize:$name"
  val options = setOptions(ttl, tags + ownTag, fetchTimeout)
  @Suppress("UNCHECKED_CAST") // only results of the function, values of type V, are stored
  val shared = this as Cache<Any>
  val storedKey = { argument: T -> "$name:${key(argument)}" }
  return SuspendMemoizedFunction(shared, options, storedKey, { invalidateByTag(ownTag) }, function)
}
