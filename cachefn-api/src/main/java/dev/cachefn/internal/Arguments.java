package dev.cachefn.internal;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks whose messages name the argument and say what is allowed: the one home of each check for the
 * cache layer and the API's value types.
 */
public final class Arguments {

  private Arguments() {}

  static String key(@Nullable String key) {
    if (key == null) {
      throw new NullPointerException("key must not be null");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    return key;
  }

  static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  static <T> T value(@Nullable T value, String key) {
    if (value == null) {
      throw new NullPointerException(
          "value for key '" + key + "' must not be null (a cache holds no nulls; use delete to remove)");
    }
    return value;
  }

  static void keys(@Nullable Collection<String> keys) {
    strings(keys, "keys");
  }

  /**
   * Checks that {@code values} (named {@code name} in the messages) and each of its elements are neither null nor
   * empty; the collection itself may be empty.
   *
   * @return {@code values}
   */
  public static Collection<String> strings(@Nullable Collection<String> values, String name) {
    notNull(values, name);
    int index = 0;
    for (String value : values) {
      if (value == null) {
        throw new NullPointerException(name + "[" + index + "] must not be null");
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + "[" + index + "] must not be empty");
      }
      index++;
    }
    return values;
  }

  static void entries(@Nullable Map<String, ?> entries) {
    notNull(entries, "entries");
    for (Map.Entry<String, ?> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new NullPointerException("entries must not contain a null key");
      }
      if (key.isEmpty()) {
        throw new IllegalArgumentException("entries must not contain an empty key");
      }
      value(entry.getValue(), key);
    }
  }

  static void tags(@Nullable Collection<String> tags) {
    strings(tags, "tags");
  }

  static String tag(@Nullable String tag) {
    if (tag == null) {
      throw new NullPointerException("tag must not be null");
    }
    if (tag.isEmpty()) {
      throw new IllegalArgumentException("tag must not be empty");
    }
    return tag;
  }
}
