package dev.cachefn.internal;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks whose messages name the argument and say what is allowed. */
final class Arguments {

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
    notNull(keys, "keys");
    int index = 0;
    for (String key : keys) {
      if (key == null) {
        throw new NullPointerException("keys[" + index + "] must not be null");
      }
      if (key.isEmpty()) {
        throw new IllegalArgumentException("keys[" + index + "] must not be empty");
      }
      index++;
    }
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
    notNull(tags, "tags");
    int index = 0;
    for (String tag : tags) {
      if (tag == null) {
        throw new NullPointerException("tags[" + index + "] must not be null");
      }
      if (tag.isEmpty()) {
        throw new IllegalArgumentException("tags[" + index + "] must not be empty");
      }
      index++;
    }
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
