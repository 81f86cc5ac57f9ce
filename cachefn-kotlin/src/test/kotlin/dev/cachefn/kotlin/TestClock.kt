package dev.cachefn.kotlin

import dev.cachefn.Ticker
import java.util.concurrent.atomic.AtomicLong
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/** A cache clock the test moves by hand (the Kotlin tests' counterpart of the test kit's FakeTicker). */
internal class TestClock : Ticker {
  private val nanos = AtomicLong()

  override fun read(): Long = nanos.get()

  fun advance(by: Duration) {
    nanos.addAndGet(by.toJavaDuration().toNanos())
  }
}
