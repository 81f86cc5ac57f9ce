package dev.cachefn.redis;

/**
 * Turns cache values into the bytes stored in Redis and back. The default is {@link JsonCodec}; plug in your
 * own with {@link RedisStorage.Builder#codec(Codec)}.
 *
 * <p>One codec serves every cache on a {@link RedisStorage}, whatever its value type, so {@link #decode} must
 * find the type from the bytes (or the storage must only hold values of one type). Implementations are
 * thread-safe. Either method may throw any unchecked exception; the storage reports it with the key:
 * an {@link IllegalArgumentException} for a value that cannot be encoded (nothing is written), a
 * {@link CodecException} for stored bytes that cannot be decoded.
 */
public interface Codec {

  /** The bytes that represent {@code value} (never null). */
  byte[] encode(Object value);

  /** The value {@code bytes} represent, as {@link #encode} wrote them. */
  Object decode(byte[] bytes);
}
