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
