package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheFn
import dev.cachefn.Ticker
import dev.cachefn.spi.Storage
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/** Marks the cache-building DSL, so that an inner block cannot set an outer block's properties by mistake. */
@DslMarker
annotation class CacheDsl

/**
 * The settings of a cache built with [cache]; a property left `null` keeps the [CacheFn.builder] default.
 * Not thread-safe: fill it in the block, then drop it.
 */
@CacheDsl
class CacheSpec internal constructor() {
  /** The most entries kept; at least 1. */
  var maxSize: Long? = null

  /** The TTL of entries set without one; must be positive. */
  var defaultTtl: Duration? = null

  /** The key namespace in the storage; default: the cache's name. */
  var namespace: String? = null

  /** The storage, by its registered name (`"memory"` by default). */
  var storage: String? = null

  /** A storage instance; takes precedence over [storage]. */
  var storageInstance: Storage? = null

  /** The time source, for tests. */
  var ticker: Ticker? = null

  /** Whether the cache counts hits, misses and the rest. */
  var recordStats: Boolean? = null
}

/**
 * Builds a cache: `cache<User>("users") { maxSize = 1_000; defaultTtl = 10.minutes }`.
 *
 * @throws IllegalArgumentException for a bad name or setting, with a message naming it
 */
fun <V : Any> cache(name: String, configure: CacheSpec.() -> Unit = {}): Cache<V> {
  val spec = CacheSpec().apply(configure)
  val builder = CacheFn.builder(name)
  spec.maxSize?.let { builder.maxSize(it) }
  spec.defaultTtl?.let { builder.defaultTtl(it.toJavaDuration()) }
  spec.namespace?.let { builder.namespace(it) }
  spec.storage?.let { builder.storage(it) }
  spec.storageInstance?.let { builder.storage(it) }
  spec.ticker?.let { builder.ticker(it) }
  spec.recordStats?.let { builder.recordStats(it) }
  return builder.build()
}
