package dev.cachefn.redis.internal;

import dev.cachefn.redis.Codec;
import dev.cachefn.spi.Stamped;
import dev.cachefn.redis.CodecException;
import io.lettuce.core.ScriptOutputType;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The values of one namespace as bytes in Redis: encodes them with the storage's {@link Codec}, and decodes
 * them, treating bytes the codec cannot decode as a miss that is removed, counted and logged once.
 * Thread-safe. Not an API.
 *
 * @param <V> the type of the values
 */
final class StoredValues<V> {

  private static final System.Logger LOG = System.getLogger("dev.cachefn.redis");

  private final String namespace;
  private final KeyLayout layout;
  private final RedisCalls calls;
  private final Codec codec;
  private final StampFrames frames;
  private final LongAdder decodeFailures = new LongAdder();
  private final AtomicBoolean decodeFailureLogged = new AtomicBoolean();

  StoredValues(String namespace, KeyLayout layout, RedisCalls calls, Codec codec, StampFrames frames) {
    this.namespace = namespace;
    this.layout = layout;
    this.calls = calls;
    this.codec = codec;
    this.frames = frames;
  }

  /**
   * The codec's bytes for {@code value}.
   *
   * @throws IllegalArgumentException naming the key and the codec when the codec fails or answers null
   */
  byte[] encode(String key, Object value) {
    byte[] bytes;
    try {
      bytes = value instanceof Stamped<?> stamped ? frames.encode(stamped) : codec.encode(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("value of " + value.getClass().getName() + " for key '" + key
          + "' cannot be encoded by " + codec + ": " + e.getMessage(), e);
    }
    if (bytes == null) {
      throw new IllegalArgumentException(codec + " encoded the value for key '" + key + "' as null");
    }
    return bytes;
  }

  /**
   * The condition that the entry under {@code key} is still {@code expected}, as the scripts' {@code holds}
   * checks it: the stamp of a {@link Stamped} value, else the value's bytes.
   */
  Condition unchanged(String key, Object expected) {
    return expected instanceof Stamped<?> stamped
        ? new Condition(Condition.BEGINS, frames.stamp(stamped))
        : new Condition(Condition.EQUALS, encode(key, expected));
  }

  /**
   * A condition of a write script ({@link Scripts#PUT}, {@link Scripts#REMOVE_IF_VALUE}) on the entry's bytes:
   * the mode as the scripts take it, and the bytes it compares with (empty when it compares none).
   */
  record Condition(byte[] mode, byte[] guard) {
    static final byte[] EQUALS = {'='};
    static final byte[] BEGINS = {'^'};
    static final Condition NONE = new Condition(new byte[] {'0'}, new byte[0]);
    static final Condition ABSENT = new Condition(new byte[] {'1'}, new byte[0]);
  }

  /**
   * The value {@code bytes} stand for, or {@code null} when the codec cannot decode them (written by another
   * version of the application, say): then the entry is removed, unless a newer value replaced it meanwhile,
   * so that the caller's miss lets a fresh value in. Counted; logged once per namespace. A failure to remove
   * leaves the entry for the next read to try again.
   */
  @SuppressWarnings("unchecked")
  @Nullable V decodeOrDrop(String key, byte[] bytes) {
    try {
      return (V) (StampFrames.isFrame(bytes) ? frames.decode(bytes) : codec.decode(bytes));
    } catch (RuntimeException e) {
      decodeFailures.increment();
      if (!decodeFailureLogged.get() && decodeFailureLogged.compareAndSet(false, true)) {
        CodecException failure = new CodecException("the value stored under key '" + key + "' in namespace '"
            + namespace + "' at " + calls.uri() + " cannot be decoded by " + codec + ": " + e.getMessage(), e);
        LOG.log(Level.WARNING, failure.getMessage() + "; it is removed and read as a miss. Values written by"
            + " another version of the application do this: give each version its own"
            + " cachefn.redis.format-version to keep them apart. Logged once per cache; the decodeFailures stat"
            + " counts them.", failure);
      }
      try {
        removeIf("get", key, new Condition(Condition.EQUALS, bytes));
      } catch (RuntimeException notRemoved) {
        // counted as a failure if Redis is out; the next read finds the bytes and tries again
      }
      return null;
    }
  }

  /** Removes the entry of {@code key} with its tags if it meets {@code condition}; returns whether it did. */
  boolean removeIf(String operation, String key, Condition condition) {
    int bucket = layout.bucketOf(key);
    return calls.call(operation, RedisCalls.keyed(key), () -> Scripts.REMOVE_IF_VALUE.<Long>run(calls,
        ScriptOutputType.INTEGER, layout.scriptKeys(bucket), layout.prefixBytes(bucket), utf8(key),
        condition.mode(), condition.guard())) == 1L;
  }

  /** How many stored values could not be decoded (each was then removed and read as a miss). */
  long decodeFailures() {
    return decodeFailures.sum();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
