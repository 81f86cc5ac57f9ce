package dev.cachefn.redis;

/**
 * Turns cache values into the bytes stored in Redis and back. The default is {@link JsonCodec}; plug in your
 * own with {@link RedisStorage.Builder#codec(Codec)}.
 *
 * <p>One codec serves every cache on a {@link RedisStorage}, whatever its value type, so {@link #decode} must
 * find the type from the bytes (or the storage must only hold values of one type). Implementations are
 * thread-safe. Either method may throw any unchecked exception. For a value that cannot be encoded the storage
 * throws an {@link IllegalArgumentException} naming the key (nothing is written). Stored bytes that cannot be
 * decoded (written by another version of the application, say) are a miss: the storage removes them, counts
 * them ({@code CacheStats.decodeFailures}) and logs a {@link CodecException} once per cache, so that
 * {@code getOrFetch} fetches a fresh value.
 */
public interface Codec {

  /** The bytes that represent {@code value} (never null). */
  byte[] encode(Object value);

  /** The value {@code bytes} represent, as {@link #encode} wrote them. */
  Object decode(byte[] bytes);
}
