package dev.cachefn.redis.internal;

import dev.cachefn.Ticker;
import dev.cachefn.redis.Codec;
import dev.cachefn.spi.Stamped;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * How a {@link Stamped} value (a cache with freshness settings) is stored in Redis, so that every application
 * instance sees the same write time: a frame of a 4-byte mark, a flags byte, the write time as wall-clock
 * nanoseconds since the epoch, the logical TTL in nanoseconds (-1: none), then the codec's bytes of the value
 * (none for a remembered absence).
 *
 * <p>The ticker's readings are mapped to wall-clock time through one pair of readings taken when the namespace
 * opened ({@code wall = openedWall + (ticker - openedTicker)}): with the system ticker this is the wall clock
 * (within the drift of {@code System.nanoTime} from it since then, far below any TTL), so instances agree as
 * far as their clocks do; with a test's fake ticker it is exact, so windows can be tested against Redis. The
 * mark, {@code 00 CF 5E 01}, begins no JSON and no Java serialization stream; a codec whose output may begin
 * with it must not be used with freshness settings. Thread-safe. Not an API.
 */
final class StampFrames {

  private static final byte[] MARK = {0x00, (byte) 0xCF, 0x5E, 0x01};
  private static final int HEADER = MARK.length + 1 + Long.BYTES + Long.BYTES;
  private static final byte ABSENT = 1;

  private final Codec codec;
  private final long openedTicker;
  private final long openedWallNanos;

  StampFrames(Codec codec, Ticker ticker) {
    this.codec = codec;
    Instant now = Instant.now();
    this.openedTicker = ticker.read();
    this.openedWallNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static boolean isFrame(byte[] bytes) {
    return bytes.length >= HEADER && Arrays.equals(bytes, 0, MARK.length, MARK, 0, MARK.length);
  }

  byte[] encode(Stamped<?> stamped) {
    Object value = stamped.value();
    byte[] encoded = value == null ? new byte[0] : codec.encode(value);
    if (encoded == null) {
      throw new IllegalArgumentException(codec + " encoded a value as null");
    }
    return header(ByteBuffer.allocate(HEADER + encoded.length), stamped).put(encoded).array();
  }

  /**
   * The frame's first bytes, which tell one write from another ({@link Stamped#sameWrite}): the mark, the
   * flags and both times. Exact for an entry this namespace decoded, whoever wrote it: the mapping between
   * ticker and wall clock is fixed while the namespace is open.
   */
  byte[] stamp(Stamped<?> stamped) {
    return header(ByteBuffer.allocate(HEADER), stamped).array();
  }

  private ByteBuffer header(ByteBuffer frame, Stamped<?> stamped) {
    long ttl = stamped.expiresAt() == Stamped.NEVER ? -1 : stamped.expiresAt() - stamped.writtenAt();
    return frame.put(MARK)
        .put(stamped.isAbsence() ? ABSENT : 0)
        .putLong(openedWallNanos + (stamped.writtenAt() - openedTicker))
        .putLong(ttl);
  }

  Stamped<Object> decode(byte[] bytes) {
    ByteBuffer frame = ByteBuffer.wrap(bytes, MARK.length, bytes.length - MARK.length);
    boolean absent = (frame.get() & ABSENT) != 0;
    long writtenAt = openedTicker + (frame.getLong() - openedWallNanos);
    long ttl = frame.getLong();
    Object value = absent ? null : codec.decode(Arrays.copyOfRange(bytes, HEADER, bytes.length));
    return new Stamped<>(value, writtenAt, ttl < 0 ? Stamped.NEVER : writtenAt + ttl);
  }
}
