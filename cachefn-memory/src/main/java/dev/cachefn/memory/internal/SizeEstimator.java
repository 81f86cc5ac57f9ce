package dev.cachefn.memory.internal;

import java.util.Collection;
import java.util.Map;

/**
 * Estimates the bytes an entry takes on a 64-bit JVM with compressed references (12-byte object headers,
 * 8-byte alignment). It is a shallow estimate made once per write, never a walk of the object graph:
 *
 * <ul>
 *   <li>{@value #ENTRY_OVERHEAD} bytes per entry for the engine: the node, the hash table's node and slot;
 *   <li>the key: a compact string, one byte per character plus its headers;
 *   <li>{@value #TAG_OVERHEAD} bytes per tag for the tag index (the tag strings themselves are shared);
 *   <li>the value: exact for strings, byte and char arrays and boxed primitives; for other arrays, collections
 *       and maps a fixed figure plus a reference (or a map node) per element, not the elements; any other
 *       object {@value #OTHER_OBJECT} bytes.
 * </ul>
 */
final class SizeEstimator {

  static final long ENTRY_OVERHEAD = 104;
  static final long TAG_OVERHEAD = 48;
  static final long OTHER_OBJECT = 64;

  private SizeEstimator() {}

  static long entry(String key, Object value, int tagCount) {
    return ENTRY_OVERHEAD + string(key) + TAG_OVERHEAD * tagCount + value(value);
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

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
