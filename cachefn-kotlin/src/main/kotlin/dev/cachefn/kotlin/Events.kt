package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheEvent
import dev.cachefn.CacheEventType
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow

/**
 * The events of [type] as a cold [Flow]: each collection registers its own listener (with [Cache.on]) and
 * closes that subscription when the collection stops, normally, by an exception or by cancellation. Events
 * raised before the collection started are not seen.
 *
 * The listener runs on the thread that caused the event and never blocks it: events are buffered without a
 * bound until the collector takes them, so none is lost. To bound memory for a slow collector, choose what to
 * give up with `.buffer(capacity, BufferOverflow.DROP_OLDEST)` or `.conflate()`, which replace this buffer.
 */
fun <V : Any> Cache<V>.events(type: CacheEventType): Flow<CacheEvent<V>> =
  callbackFlow {
    val subscription = on(type) { event ->
      // a CacheEvent is an immutable record: a CacheEvent<out V> can safely be read as a CacheEvent<V>
      @Suppress("UNCHECKED_CAST")
      trySend(event as CacheEvent<V>)
    }
    awaitClose { subscription.close() }
  }.buffer(Channel.UNLIMITED)

/**
 * The key of the entry this event is about. Every event but an invalidation is about one entry and always
 * carries its key: `HIT`, `MISS`, `SET`, `DELETE`, `EVICTION` and `EXPIRATION`. An `INVALIDATE` carries one only
 * when a single key was invalidated ([Cache.invalidate]); read [CacheEvent.key], which may be `null`, for those.
 *
 * ```
 * users.events(CacheEventType.EVICTION).collect { log.info("evicted ${it.entryKey}") }   // a String, no !!
 * ```
 *
 * @throws IllegalStateException for an invalidation by tags, by pattern or by [Cache.clear], which has no key
 */
val CacheEvent<*>.entryKey: String
  get() = key ?: throw IllegalStateException(
    "this $type event of cache '$cacheName' has no key: it selected entries by " +
      (if (pattern != null) "pattern '$pattern'" else if (tags.isNotEmpty()) "tags $tags" else "clear()") +
      ", not by one key; read key, which is null for such events")
