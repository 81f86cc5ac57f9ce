package dev.cachefn.kotlin

import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlin.time.Duration.Companion.minutes
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.delay
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.test.runTest
import dev.cachefn.Cache
import dev.cachefn.SetOptions
import dev.cachefn.Ticker

/** The suspending batch operations: the blocking call runs on the given dispatcher, whole. */
class BatchesTest {

  private val storageThread = Executors.newSingleThreadExecutor { Thread(it, "storage") }
  private val storage = storageThread.asCoroutineDispatcher()

  @AfterTest
  fun stopStorageThread() {
    storage.close()
  }

  @Test
  fun `setMany, getMany and deleteMany round-trip`() = runTest {
    val users = cache<String>("users")

    users.setManySuspending(mapOf("u:1" to "Ada", "u:2" to "Linus"), context = storage)
    val found = users.getManySuspending(listOf("u:2", "u:3", "u:1"), context = storage)
    val deleted = users.deleteManySuspending(listOf("u:1", "u:3"), context = storage)

    assertEquals(listOf("u:2" to "Linus", "u:1" to "Ada"), found.toList()) // the order of the keys asked
    assertEquals(1, deleted)
    assertNull(users["u:1"])
    assertEquals("Linus", users["u:2"])
  }

  @Test
  fun `the blocking calls run on the given context, not on the caller's thread`() = runTest {
    val threads = mutableListOf<String>()
    val users = ThreadRecordingCache(cache<String>("users"), threads)

    users.setManySuspending(mapOf("u:1" to "Ada"), context = storage)
    users.getManySuspending(listOf("u:1"), context = storage)
    users.deleteManySuspending(listOf("u:1"), context = storage)

    assertEquals(listOf("storage", "storage", "storage"), threads)
  }

  @Test
  fun `ttl and tags apply to every entry of setMany`() = runTest {
    val users = cache<String>("users") { ticker = Ticker { testScheduler.currentTime * 1_000_000 } }

    users.setManySuspending(mapOf("u:1" to "Ada", "u:2" to "Linus"), ttl = 1.minutes, tags = setOf("team"))
    users["u:3"] = "Grace"

    assertEquals(2, users.invalidateByTag("team"))
    users.setManySuspending(mapOf("u:1" to "Ada"), ttl = 1.minutes)
    delay(1.minutes)
    assertEquals(mapOf("u:3" to "Grace"), users.getManySuspending(listOf("u:1", "u:3")))
  }

  @Test
  fun `a bad ttl fails before anything is stored`() = runTest {
    val users = cache<String>("users")

    val failure = assertFailsWith<IllegalArgumentException> {
      users.setManySuspending(mapOf("u:1" to "Ada"), ttl = 0.minutes, context = storage)
    }

    assertTrue("ttl" in failure.message.orEmpty(), failure.message)
    assertEquals(0L, users.size())
  }

  @Test
  fun `a caller cancelled while setMany runs gets its cancellation, and the write is whole`() {
    val entered = CountDownLatch(1)
    val release = CountDownLatch(1)
    val delegate = cache<String>("users")
    val users = object : Cache<String> by delegate {
      override fun setMany(entries: Map<String, String>, options: SetOptions) {
        entered.countDown()
        release.await(10, TimeUnit.SECONDS) // the storage is busy until the test lets it go
        delegate.setMany(entries, options)
      }
    }

    val outcome = runBlocking {
      val writer = async(start = CoroutineStart.UNDISPATCHED) {
        users.setManySuspending(mapOf("u:1" to "Ada", "u:2" to "Linus"), context = storage)
      }
      entered.await()
      writer.cancel()
      release.countDown()
      runCatching { writer.await() }
    }

    assertTrue(outcome.exceptionOrNull() is CancellationException, "$outcome")
    assertEquals(mapOf("u:1" to "Ada", "u:2" to "Linus"), users.getMany(listOf("u:1", "u:2")))
  }

  /** Records the thread each batch call runs on. */
  private class ThreadRecordingCache(
    private val delegate: Cache<String>,
    private val threads: MutableList<String>,
  ) : Cache<String> by delegate {
    override fun getMany(keys: Collection<String>): Map<String, String> =
      delegate.getMany(keys).also { threads += Thread.currentThread().name }

    override fun setMany(entries: Map<String, String>, options: SetOptions) {
      delegate.setMany(entries, options)
      threads += Thread.currentThread().name
    }

    override fun deleteMany(keys: Collection<String>): Int =
      delegate.deleteMany(keys).also { threads += Thread.currentThread().name }
  }
}
