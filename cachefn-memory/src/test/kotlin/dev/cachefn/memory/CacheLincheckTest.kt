package dev.cachefn.memory

import dev.cachefn.Cache
import dev.cachefn.CacheFn
import org.jetbrains.lincheck.datastructures.IntGen
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions
import org.jetbrains.lincheck.datastructures.Operation
import org.jetbrains.lincheck.datastructures.Param
import org.jetbrains.lincheck.datastructures.StressOptions
import org.junit.jupiter.api.Test

/**
 * Linearizability of one in-memory [Cache] (the `DefaultCache` over a `MemoryEngine`) under `get`, `set`,
 * `delete`, `has` and `getOrFetch`, checked by Lincheck against [CacheSpec], an independent sequential model
 * (a plain [HashMap]), with both the model checker and the stress strategy.
 *
 * - `maxSize` ([LARGE]) is far above the three keys used, so eviction never happens and the model needs no
 *   LRU. No TTL is used.
 * - The fetcher of `getOrFetch` returns a value derived from the key only, so every fetch of one key yields
 *   the same value and the model is deterministic: "return the present value, else store the fetcher's
 *   value and return it".
 * - `delete`'s result is not checked here, on purpose: by contract, a fetch that overlaps a `delete` of its
 *   key is returned but not stored, even when the delete found nothing to remove. That is the documented
 *   "a fetch never resurrects invalidated data" rule, and it is not linearizable against a map whose
 *   `remove` reports absence (`getOrFetch(3): 103 || delete(3): false`, then `has(3): false`). With the
 *   result ignored, a discarded fetch is equivalent to one linearized just before the delete. `delete`'s
 *   result is checked strictly by [StrictDelete], which has no `getOrFetch`.
 *
 * Each test instance gets its own `MemoryStorage` passed to the builder: this is the same cache and engine
 * as the default `storage("memory")`, minus a `ServiceLoader` scan per instance, which under Lincheck's
 * instrumentation costs more than the operations themselves.
 *
 * Sizes are CI-friendly (30 to 65 s for the whole class on 2 cores shared with other builds, about 90 s
 * of CPU); raise them with `-Dcachefn.lincheck.scale=10` for a deeper local run.
 */
@Param(name = "key", gen = IntGen::class, conf = "1:3")
@Param(name = "value", gen = IntGen::class, conf = "1:4")
class CacheLincheckTest {

  private val cache: Cache<Int> = newCache()

  @Operation
  fun get(@Param(name = "key") key: Int): Int? = cache.get(key(key))

  @Operation
  fun set(@Param(name = "key") key: Int, @Param(name = "value") value: Int) = cache.set(key(key), value)

  @Operation
  fun delete(@Param(name = "key") key: Int) {
    cache.delete(key(key))
  }

  @Operation
  fun has(@Param(name = "key") key: Int): Boolean = cache.has(key(key))

  @Operation
  fun getOrFetch(@Param(name = "key") key: Int): Int? = cache.getOrFetch(key(key)) { fetched(key) }

  @Test
  fun modelChecking() = ModelCheckingOptions()
    .sequentialSpecification(CacheSpec::class.java)
    // A set that checks for a running fetch before the fetch registers, then puts after the fetch's miss,
    // must not be overwritten by the fetched value (it was: the last getOrFetch returned 103, not 3).
    .addCustomScenario {
      parallel {
        thread { actor(CacheLincheckTest::getOrFetch, 3) }
        thread { actor(CacheLincheckTest::set, 3, 3) }
      }
      post { actor(CacheLincheckTest::getOrFetch, 3) }
    }
    // A getOrFetch that starts after a delete must not join a fetch that the delete made stale: it
    // received 103 while nothing was stored, so the following get returned null.
    .addCustomScenario {
      parallel {
        thread { actor(CacheLincheckTest::getOrFetch, 3) }
        thread {
          actor(CacheLincheckTest::delete, 3)
          actor(CacheLincheckTest::getOrFetch, 3)
          actor(CacheLincheckTest::get, 3)
        }
      }
    }
    .iterations(8 * SCALE)
    .invocationsPerIteration(250)
    .threads(2)
    .actorsPerThread(3)
    .actorsBefore(1)
    .actorsAfter(1)
    .check(this::class)

  @Test
  fun stress() = StressOptions()
    .sequentialSpecification(CacheSpec::class.java)
    .iterations(8 * SCALE)
    .invocationsPerIteration(800)
    .threads(2)
    .actorsPerThread(3)
    .actorsBefore(1)
    .actorsAfter(1)
    .check(this::class)

  @Test
  fun strictDeleteModelChecking() = ModelCheckingOptions()
    .sequentialSpecification(StrictDelete.Spec::class.java)
    .iterations(4 * SCALE)
    .invocationsPerIteration(150)
    .threads(2)
    .actorsPerThread(3)
    .check(StrictDelete::class)

  /** The sequential specification: a map, where `getOrFetch` stores the fetcher's value when absent. */
  class CacheSpec {
    private val map = HashMap<String, Int>()

    fun get(key: Int): Int? = map[key(key)]

    fun set(key: Int, value: Int) {
      map[key(key)] = value
    }

    fun delete(key: Int) {
      map.remove(key(key))
    }

    fun has(key: Int): Boolean = key(key) in map

    fun getOrFetch(key: Int): Int? = map.getOrPut(key(key)) { fetched(key) }
  }

  /**
   * `get`, `set`, `has` and `delete` with its result, which must say whether a live entry was removed;
   * model-checked only (the plain map operations run under the engine's lock, the interesting interleavings
   * are few).
   */
  @Param(name = "key", gen = IntGen::class, conf = "1:3")
  @Param(name = "value", gen = IntGen::class, conf = "1:4")
  class StrictDelete {
    private val cache: Cache<Int> = newCache()

    @Operation
    fun get(@Param(name = "key") key: Int): Int? = cache.get(key(key))

    @Operation
    fun set(@Param(name = "key") key: Int, @Param(name = "value") value: Int) = cache.set(key(key), value)

    @Operation
    fun delete(@Param(name = "key") key: Int): Boolean = cache.delete(key(key))

    @Operation
    fun has(@Param(name = "key") key: Int): Boolean = cache.has(key(key))

    class Spec {
      private val map = HashMap<String, Int>()

      fun get(key: Int): Int? = map[key(key)]

      fun set(key: Int, value: Int) {
        map[key(key)] = value
      }

      fun delete(key: Int): Boolean = map.remove(key(key)) != null

      fun has(key: Int): Boolean = key(key) in map
    }
  }

  companion object {
    /** Far above the number of keys, so that no entry is ever evicted. */
    const val LARGE = 1_000L

    /** Multiplies the number of scenarios; 1 on CI. */
    val SCALE: Int = Integer.getInteger("cachefn.lincheck.scale", 1)

    fun newCache(): Cache<Int> = CacheFn.builder("lin").maxSize(LARGE).storage(MemoryStorage.create()).build()

    fun key(key: Int): String = "k$key"

    fun fetched(key: Int): Int = 100 + key
  }
}
