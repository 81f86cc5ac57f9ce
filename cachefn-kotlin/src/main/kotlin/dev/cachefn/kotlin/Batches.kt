package dev.cachefn.kotlin

import dev.cachefn.Cache
import kotlin.coroutines.CoroutineContext
import kotlin.time.Duration
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

// The batch operations of a Cache block while the storage works (a Redis round trip, say). Their suspending
// variants run that call on [context] (Dispatchers.IO by default) so that the caller's thread is free
// meanwhile. A batch is never cut short: it runs whole, or not at all when the caller was cancelled before it
// started; a caller cancelled while it runs gets its CancellationException once the batch is done (a write
// has then taken effect). The names end in "Suspending" because an extension named like the Java member
// (getMany, setMany, deleteMany) would be shadowed by it and never called.

/**
 * The values of the [keys] that are present, in the order of [keys]; see [Cache.getMany].
 *
 * @param context where the blocking call runs; default [Dispatchers.IO]
 */
suspend fun <V : Any> Cache<V>.getManySuspending(
  keys: Collection<String>,
  context: CoroutineContext = Dispatchers.IO,
): Map<String, V> = withContext(context) { getMany(keys) }

/**
 * Stores every entry of [entries], with [ttl] and [tags] when given, else the cache's defaults; see
 * [Cache.setMany].
 *
 * @param context where the blocking call runs; default [Dispatchers.IO]
 * @throws IllegalArgumentException if [ttl] is not positive or a tag is blank, before anything is stored
 */
suspend fun <V : Any> Cache<V>.setManySuspending(
  entries: Map<String, V>,
  ttl: Duration? = null,
  tags: Set<String> = emptySet(),
  context: CoroutineContext = Dispatchers.IO,
) {
  val options = setOptions(ttl, tags) // a bad option fails on the caller, before any switch of thread
  withContext(context) { setMany(entries, options) }
}

/**
 * Removes the entries under [keys]; returns how many existed. See [Cache.deleteMany].
 *
 * @param context where the blocking call runs; default [Dispatchers.IO]
 */
suspend fun Cache<*>.deleteManySuspending(
  keys: Collection<String>,
  context: CoroutineContext = Dispatchers.IO,
): Int = withContext(context) { deleteMany(keys) }
