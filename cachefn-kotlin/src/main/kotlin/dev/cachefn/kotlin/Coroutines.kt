package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.FetchTimeoutException
import dev.cachefn.Freshness
import dev.cachefn.SetOptions
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.CompletionStage
import kotlin.time.Duration
import kotlin.time.toJavaDuration
import kotlin.time.toKotlinDuration
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.future.await
import kotlinx.coroutines.future.future
import kotlinx.coroutines.withTimeout

/**
 * Suspending cache-aside: returns the cached value, or runs [fetcher], stores its result (with [ttl] and
 * [tags] when given, else the cache's defaults) and returns it. Built on [Cache.getOrFetchAsync], so it keeps
 * every rule of [Cache.getOrFetch]: single flight per key across coroutines and threads, a failure reaches
 * every waiter and is not cached, a `null` result is returned and not cached.
 *
 * **The result is as nullable as [fetcher].** `users.getOrFetchSuspending(key) { api.user(id) }` is a `User`
 * when `api.user` returns `User`, and a `User?` when it returns `User?`.
 *
 * **Where the fetch runs.** The fetch is shared by every waiter, so it must not belong to any one of them: it
 * runs as a new coroutine in the caller's context *without its [Job]* (same dispatcher, same context
 * elements, but no parent). Cancelling a waiter therefore only stops that waiter; the fetch goes on, the
 * other waiters get its result and the cache stores it. The fetch is not cancelled even when every waiter is
 * gone: its result is still stored, as with the blocking [Cache.getOrFetch].
 *
 * **Fetch timeout.** With [fetchTimeout] (or the `fetchTimeout` of the options a memoized function or
 * `@Memoize` passes), a waiter gives up after it with [FetchTimeoutException], and the shared fetch is
 * cancelled and abandoned after it, so that the next caller fetches again; measured by the coroutine's clock
 * (virtual time under `kotlinx-coroutines-test`). Without it, the cache's own fetch timeout applies.
 *
 * **A fetch that needs its own key** (directly, or through other keys it fetches on the way) would wait for
 * itself forever; it fails instead with an [IllegalStateException] naming the key. The keys being fetched
 * travel in the coroutine context, so every coroutine the fetch starts in its scope counts as inside it.
 *
 * **Why not `getOrFetch`.** [Cache.getOrFetch] is a member of the Java interface, and Kotlin calls a member
 * before any extension that fits the same call, so `users.getOrFetch(key) { suspendingCall() }` would be the
 * blocking member, which cannot suspend. This function has a name of its own so that the call says what it
 * does.
 *
 * @throws IllegalArgumentException if [ttl] is not positive or a tag is blank (from [SetOptions])
 * @throws IllegalStateException if the cache is closed, or the fetch of [key] is already under way in this
 *   coroutine
 */
suspend fun <V> Cache<V & Any>.getOrFetchSuspending(
  key: String,
  ttl: Duration? = null,
  tags: Set<String> = emptySet(),
  fetchTimeout: Duration? = null,
  refreshAfter: Duration? = null,
  staleWhileRevalidate: Duration? = null,
  staleIfError: Duration? = null,
  negativeTtl: Duration? = null,
  fetcher: suspend () -> V,
): V = getOrFetchSuspending(key, setOptions(ttl, tags, fetchTimeout,
  freshness(refreshAfter, staleWhileRevalidate, staleIfError, negativeTtl)), fetcher)

/**
 * Suspending bulk cache-aside: [Cache.getOrFetchMany] whose [fetcher] may suspend. The values of [keys] the
 * cache holds come back at once; [fetcher] is called once with exactly the missing keys (those another caller
 * is fetching are awaited instead) and may leave keys out or map them to `null` (misses). The fetch runs in a
 * coroutine of the caller's context (without its [Job], as it may serve other callers), bounded by
 * [fetchTimeout] in the coroutine's clock when given, else by the cache's fetch timeout.
 *
 * @throws IllegalArgumentException for a bad key or option
 * @throws FetchTimeoutException if the fetch or a wait does not complete within the fetch timeout
 */
suspend fun <V : Any> Cache<V>.getOrFetchManySuspending(
  keys: Collection<String>,
  ttl: Duration? = null,
  tags: Set<String> = emptySet(),
  fetchTimeout: Duration? = null,
  fetcher: suspend (Set<String>) -> Map<String, V?>,
): Map<String, V> {
  val fetchScope = CoroutineScope(currentCoroutineContext().minusKey(Job))
  val options = setOptions(ttl, tags, fetchTimeout)
  val described = keys.joinToString(", ", "[", "]")
  val stage = getOrFetchManyAsync(keys, { missing: Set<String> ->
    fetchScope.future { withinFetchTimeout(described, fetchTimeout) { fetcher(missing) } }
  }, options)
  return withinFetchTimeout(described, fetchTimeout) { stage.awaitWithoutCancelling() }
}

/**
 * Blocking cache-aside with Kotlin's types: [Cache.getOrFetch] with a [ttl], [tags] and [fetchTimeout] (when
 * given, else the cache's defaults), whose result is as nullable as [fetcher]. `val user: User = users.getOrPut(key) {
 * repository.find(id) }` needs no `!!` when `find` returns `User`; with a fetcher returning `User?` the result
 * is a `User?`. Every rule of [Cache.getOrFetch] holds: [fetcher] runs on the calling thread, once for
 * concurrent callers of the same key; a failure reaches every waiter and is not cached; a `null` result is
 * returned and not cached.
 *
 * Named like [MutableMap.getOrPut], which Kotlin code uses for the same thing: the Java member
 * `getOrFetch` returns `V?` whatever the fetcher, and an extension named `getOrFetch` would never be called
 * (the member wins). From a coroutine, call [getOrFetchSuspending] instead: its fetcher may suspend.
 *
 * @throws IllegalArgumentException if [ttl] or [fetchTimeout] is not positive or a tag is blank (from [SetOptions])
 * @throws IllegalStateException if the cache is closed, or [fetcher] asks for [key] itself
 * @throws dev.cachefn.FetchTimeoutException if the fetch does not complete within the fetch timeout
 */
fun <V> Cache<V & Any>.getOrPut(
  key: String,
  ttl: Duration? = null,
  tags: Set<String> = emptySet(),
  fetchTimeout: Duration? = null,
  refreshAfter: Duration? = null,
  staleWhileRevalidate: Duration? = null,
  staleIfError: Duration? = null,
  negativeTtl: Duration? = null,
  fetcher: () -> V,
): V {
  val options = setOptions(ttl, tags, fetchTimeout, freshness(refreshAfter, staleWhileRevalidate, staleIfError, negativeTtl))
  @Suppress("UNCHECKED_CAST") // a cached value or the fetcher's result: a V either way, null only if V allows it
  return getOrFetch(key, fetcher, options) as V
}

/** The suspending cache-aside with ready-made [options]; see [getOrFetchSuspending]. */
internal suspend fun <V> Cache<V & Any>.getOrFetchSuspending(
  key: String,
  options: SetOptions,
  fetcher: suspend () -> V,
): V {
  val context = currentCoroutineContext()
  val underWay = context[KeysBeingFetched]
  check(underWay == null || !underWay.contains(this, key)) {
    "getOrFetch of key '$key' in cache '${name()}' was called from inside the fetch of that same key;" +
      " it would wait for itself forever (fetch chain: ${underWay!!.chain()})"
  }
  // the caller's dispatcher and context elements, but not its Job: the shared fetch has no parent
  val fetchScope = CoroutineScope(context.minusKey(Job) + KeysBeingFetched(this, key, underWay))
  val timeout = options.fetchTimeout()?.toKotlinDuration()
  val stage = getOrFetchAsync(key, { fetchScope.future { withinFetchTimeout(key, timeout, fetcher) } }, options)
  @Suppress("UNCHECKED_CAST") // a cached value or the fetcher's result: a V either way, null only if V allows it
  return withinFetchTimeout(key, timeout) { stage.awaitWithoutCancelling() } as V
}

/**
 * Runs [block], failing with [FetchTimeoutException] when it takes longer than [timeout] (no bound when
 * `null`). Measured by the coroutine's own clock, which is the virtual time of `kotlinx-coroutines-test` in
 * tests; the cache's own timer bounds the same fetch in real time as well.
 */
private suspend fun <T> Cache<*>.withinFetchTimeout(key: String, timeout: Duration?, block: suspend () -> T): T {
  if (timeout == null) {
    return block()
  }
  try {
    return withTimeout(timeout) { block() }
  } catch (timedOut: TimeoutCancellationException) {
    throw FetchTimeoutException(name(), key, timeout.toJavaDuration(),
      "the fetch of key '$key' of cache '${name()}' did not complete within ${timeout.toJavaDuration()}" +
        " (its fetchTimeout); its callers get this exception and the next caller of the key fetches again")
  }
}

/** The keys whose fetch a coroutine runs inside: the innermost first, then the fetches around it. */
private class KeysBeingFetched(
  val cache: Cache<*>,
  val fetchedKey: String,
  val outer: KeysBeingFetched?,
) : AbstractCoroutineContextElement(KeysBeingFetched) {

  companion object Key : CoroutineContext.Key<KeysBeingFetched>

  fun contains(cache: Cache<*>, key: String): Boolean =
    generateSequence(this) { it.outer }.any { it.cache === cache && it.fetchedKey == key }

  fun chain(): String =
    generateSequence(this) { it.outer }.toList().asReversed().joinToString(" -> ") { "${it.cache.name()}/${it.fetchedKey}" }
}

/** The [Freshness] of a call: each setting given, the others left to the cache. */
internal fun freshness(
  refreshAfter: Duration?,
  staleWhileRevalidate: Duration?,
  staleIfError: Duration?,
  negativeTtl: Duration?,
): Freshness = Freshness(refreshAfter?.toJavaDuration(), staleWhileRevalidate?.toJavaDuration(),
  staleIfError?.toJavaDuration(), negativeTtl?.toJavaDuration())

/** The [SetOptions] of a TTL (none: the cache's default), a set of tags, a fetch timeout and freshness settings. */
internal fun setOptions(
  ttl: Duration?,
  tags: Set<String>,
  fetchTimeout: Duration? = null,
  freshness: Freshness = Freshness.none(),
): SetOptions {
  var options = if (ttl == null) SetOptions.none() else SetOptions.ttl(ttl.toJavaDuration())
  if (tags.isNotEmpty()) {
    options = options.withTags(tags)
  }
  if (fetchTimeout != null) {
    options = options.withFetchTimeout(fetchTimeout.toJavaDuration())
  }
  if (!freshness.isNone) {
    options = options.withFreshness(freshness)
  }
  return options
}

/**
 * Awaits this stage without cancelling it when the waiting coroutine is cancelled ([await] on a
 * [CompletionStage] cancels the underlying future, which may be shared with other waiters). A failure is
 * rethrown as its cause, without the [CompletionException] wrapper.
 */
internal suspend fun <T> CompletionStage<T>.awaitWithoutCancelling(): T {
  val own = CompletableFuture<T>()
  whenComplete { value, failure ->
    if (failure == null) {
      own.complete(value)
    } else {
      own.completeExceptionally(if (failure is CompletionException) failure.cause ?: failure else failure)
    }
  }
  return own.await()
}
