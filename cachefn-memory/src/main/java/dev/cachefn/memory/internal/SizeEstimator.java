package dev.cachefn.memory.internal;

import java.util.Collection;
import java.util.Map;

/**
 * Estimates the bytes an entry takes on a 64-bit JVM with compressed references (12-byte object headers,
 * 8-byte alignment). It is a shallow estimate made once per write, never a walk of the object graph:
 *
 * <ul>
 *   <li>the engine's objects for the entry: the hash table's node (32 bytes) and ours, by class (32 bytes
 *       plain, 40 with tags, 48 with a TTL, with or without tags, plus {@value #EXPIRY_SLOT} for its slot in the
 *       expiry queue), each sized from its fields (see {@link #object});
 *   <li>the key: a compact string, one byte per character plus its headers (a key of another type, as an
 *       {@link EngineEntryStore} has, is estimated like a value);
 *   <li>tags: their array (none for a single tag), and {@value #TAG_OVERHEAD} bytes per tag for the tag index's set entry (the tag
 *       strings themselves are shared);
 *   <li>the value: exact for strings, byte and char arrays and boxed primitives; for other arrays, collections
 *       and maps a fixed figure plus a reference (or a map node) per element, not the elements; any other
 *       object {@value #OTHER_OBJECT} bytes.
 * </ul>
 *
 * <p>The hash table's array is not counted: it is sized for the cache's bound up front and never shrinks, so it
 * says what the cache reserved, not what its entries take.
 */
final class SizeEstimator {

  /** {@code ConcurrentHashMap}'s node: its key, value and next, and an {@code int} hash (32 bytes). */
  static final long TABLE_NODE = object(3, Integer.BYTES);
  /** A {@link Node}: key, value, previous, next, and an {@code int} of state (32 bytes). */
  static final long PLAIN_NODE = object(4, Integer.BYTES);
  /** A {@link TaggedNode}: a node and its tags (40 bytes). */
  static final long TAGGED_NODE = object(5, Integer.BYTES);
  /**
   * An {@link ExpiringNode}, with or without tags: a node, its deadline and its index in the expiry queue, and
   * the tags' reference that fills the alignment gap (48 bytes).
   */
  static final long EXPIRING_NODE = object(5, Integer.BYTES + Long.BYTES + Integer.BYTES);
  /** The expiry queue's slot (a reference and a long key: 12 bytes), with its array's spare room. */
  static final long EXPIRY_SLOT = 16;
  static final long TAG_OVERHEAD = 40;
  static final long OTHER_OBJECT = 64;

  private SizeEstimator() {}

  static long entry(Object key, Object value, boolean expires, int tagCount) {
    return TABLE_NODE + node(expires, tagCount) + value(key) + tags(tagCount) + value(value);
  }

  private static long node(boolean expires, int tagCount) {
    if (expires) {
      return EXPIRING_NODE + EXPIRY_SLOT;
    }
    return tagCount == 0 ? PLAIN_NODE : TAGGED_NODE;
  }

  private static long tags(int tagCount) {
    if (tagCount <= 1) {
      return TAG_OVERHEAD * tagCount; // a single tag is stored without an array
    }
    return align(16 + 4L * tagCount) + TAG_OVERHEAD * tagCount;
  }

  static long value(Object value) {
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof byte[] bytes) {
      return align(16 + bytes.length);
    }
    if (value instanceof char[] chars) {
      return align(16 + 2L * chars.length);
    }
    if (value instanceof Long || value instanceof Double) {
      return 24;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return 16;
    }
    if (value instanceof Object[] array) {
      return align(16 + 4L * array.length);
    }
    if (value instanceof Collection<?> collection) {
      return 48 + 16L * collection.size();
    }
    if (value instanceof Map<?, ?> map) {
      return 64 + 32L * map.size();
    }
    return OTHER_OBJECT;
  }

  private static long string(String text) {
    return 24 + align(16 + text.length());
  }

  /** An object of {@code references} references and {@code primitiveBytes} other fields, aligned. */
  private static long object(int references, int primitiveBytes) {
    return align(12 + 4L * references + primitiveBytes);
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
