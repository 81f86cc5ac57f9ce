package dev.cachefn.kotlin

import dev.cachefn.Cache
import dev.cachefn.CacheBuilder
import dev.cachefn.CacheFn
import dev.cachefn.EvictionPolicy
import dev.cachefn.Freshness
import dev.cachefn.Ticker
import dev.cachefn.spi.Storage
import java.util.concurrent.Executor
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/** Marks the cache-building DSL, so that an inner block cannot set an outer block's properties by mistake. */
@DslMarker
annotation class CacheDsl

/**
 * The settings of a cache built with [cache], one for each setting of [CacheBuilder]; a property left `null`
 * keeps the builder's default. Not thread-safe: fill it in the block, then drop it.
 */
@CacheDsl
class CacheSpec internal constructor() {
  /**
   * The most entries kept, at least 1; beyond it [evictionPolicy] picks one to evict. A whole number: an
   * `Int` or a `Long` (`maxSize = 1_000`, `maxSize = n`); anything else fails when the cache is built.
   */
  var maxSize: Number? = null

  /**
   * How the entry to evict is chosen once [maxSize] is reached; default
   * [dev.cachefn.CacheOptions.DEFAULT_EVICTION_POLICY] ([EvictionPolicy.ADAPTIVE_FREQUENCY]).
   */
  var evictionPolicy: EvictionPolicy? = null

  /** The TTL of entries set without one; must be positive. Default: none. */
  var defaultTtl: Duration? = null

  /** The key namespace in the storage; default: the cache's name. */
  var namespace: String? = null

  /** The storage, by its registered name (`"memory"` by default). */
  var storage: String? = null

  /** A storage instance; takes precedence over [storage]. */
  var storageInstance: Storage? = null

  /** The time source for expiration, for tests. */
  var ticker: Ticker? = null

  /** Whether the cache counts hits, misses and the rest; default `true`. */
  var recordStats: Boolean? = null

  /**
   * How long a caller waits for a fetch of its key that another caller runs, and how long an asynchronous or
   * suspending fetch may run, before [dev.cachefn.FetchTimeoutException]; must be positive. Default:
   * [dev.cachefn.CacheOptions.DEFAULT_FETCH_TIMEOUT].
   */
  var fetchTimeout: Duration? = null

  /**
   * Refresh-ahead: a hit on an entry at least this old returns it at once and re-fetches in the background;
   * shorter than the TTL. See [CacheBuilder.refreshAfter]. Default: off.
   */
  var refreshAfter: Duration? = null

  /** Serves an entry this long past its TTL while it is re-fetched; see [CacheBuilder.staleWhileRevalidate]. */
  var staleWhileRevalidate: Duration? = null

  /** Serves an entry this long past its TTL when its fetch fails; see [CacheBuilder.staleIfError]. */
  var staleIfError: Duration? = null

  /** Remembers an absent (`null`) result this long; see [CacheBuilder.negativeTtl]. Default: off. */
  var negativeTtl: Duration? = null

  /** All freshness settings at once, applied before the four above; see [CacheBuilder.freshness]. */
  var freshness: Freshness? = null

  /** Where background refreshes run; default [dev.cachefn.CacheOptions.defaultRefreshExecutor]. */
  var refreshExecutor: Executor? = null

  /**
   * Whether a miss is fetched once across the application instances that share the storage (see
   * [CacheBuilder.distributedSingleFlight]); default `false`.
   */
  var distributedSingleFlight: Boolean? = null

  /** Sets on [builder] what this spec sets. */
  internal fun applyTo(builder: CacheBuilder): CacheBuilder {
    maxSize?.let { builder.maxSize(wholeNumber(it)) }
    evictionPolicy?.let { builder.evictionPolicy(it) }
    defaultTtl?.let { builder.defaultTtl(it.toJavaDuration()) }
    namespace?.let { builder.namespace(it) }
    storage?.let { builder.storage(it) }
    storageInstance?.let { builder.storage(it) }
    ticker?.let { builder.ticker(it) }
    recordStats?.let { builder.recordStats(it) }
    fetchTimeout?.let { builder.fetchTimeout(it.toJavaDuration()) }
    freshness?.let { builder.freshness(it) }
    refreshAfter?.let { builder.refreshAfter(it.toJavaDuration()) }
    staleWhileRevalidate?.let { builder.staleWhileRevalidate(it.toJavaDuration()) }
    staleIfError?.let { builder.staleIfError(it.toJavaDuration()) }
    negativeTtl?.let { builder.negativeTtl(it.toJavaDuration()) }
    refreshExecutor?.let { builder.refreshExecutor(it) }
    distributedSingleFlight?.let { builder.distributedSingleFlight(it) }
    return builder
  }

  private fun wholeNumber(size: Number): Long =
    when (size) {
      is Long, is Int, is Short, is Byte -> size.toLong()
      else -> throw IllegalArgumentException(
        "maxSize must be a whole number (Int or Long), got $size (${size::class.simpleName})")
    }
}

/**
 * Builds a cache: `cache<User>("users") { maxSize = 1_000; defaultTtl = 10.minutes }`.
 *
 * @throws IllegalArgumentException for a bad name or setting, with a message naming it
 * @throws IllegalStateException if no storage is registered under the chosen name
 */
fun <V : Any> cache(name: String, configure: CacheSpec.() -> Unit = {}): Cache<V> =
  CacheSpec().apply(configure).applyTo(CacheFn.builder(name)).build()
