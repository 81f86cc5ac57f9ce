package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheEventType
import dev.cachefn.CacheListener
import dev.cachefn.Subscription

/** A cache that counts its open subscriptions and the events its listeners received, for the Flow tests. */
class CountingCache<V : Any>(private val delegate: Cache<V>) : Cache<V> by delegate {
  var openSubscriptions = 0
    private set
  var delivered = 0
    private set

  override fun on(type: CacheEventType, listener: CacheListener<in V>): Subscription {
    val subscription = delegate.on(type) { event ->
      delivered++
      listener.onEvent(event)
    }
    openSubscriptions++
    var closed = false
    return Subscription {
      if (!closed) {
        closed = true
        openSubscriptions--
        subscription.close()
      }
    }
  }
}
