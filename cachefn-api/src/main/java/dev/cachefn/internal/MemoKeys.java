package dev.cachefn.internal;

import java.lang.reflect.Array;
import org.jspecify.annotations.Nullable;

/**
 * Default memoization keys: {@code <name>:<arg>[:<arg>]}, each argument written by its {@code toString()}
 * with {@code \} and {@code :} escaped and {@code null} written as {@code \0}, so that two different argument
 * lists never share a key. Arrays are written element by element. A type that keeps
 * {@link Object#toString()} is rejected: its key would differ for equal arguments.
 */
final class MemoKeys {

  private static final ClassValue<Boolean> HAS_OWN_TO_STRING = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("toString").getDeclaringClass() != Object.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
  };

  private MemoKeys() {}

  static String of(String name, @Nullable Object argument) {
    StringBuilder key = new StringBuilder(name).append(':');
    append(key, argument);
    return key.toString();
  }

  static String of(String name, @Nullable Object first, @Nullable Object second) {
    StringBuilder key = new StringBuilder(name).append(':');
    append(key, first);
    key.append(':');
    append(key, second);
    return key.toString();
  }

  private static void append(StringBuilder key, @Nullable Object argument) {
    if (argument == null) {
      key.append("\\0");
    } else if (argument.getClass().isArray()) {
      key.append('[');
      for (int i = 0, n = Array.getLength(argument); i < n; i++) {
        if (i > 0) {
          key.append(',');
        }
        append(key, Array.get(argument, i));
      }
      key.append(']');
    } else {
      if (!HAS_OWN_TO_STRING.get(argument.getClass())) {
        throw new IllegalArgumentException("cannot derive a cache key from an argument of type "
            + argument.getClass().getName() + ": it does not override toString(), so equal arguments would get"
            + " different keys. Override toString() or pass a keyGenerator.");
      }
      String text = argument.toString();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\' || c == ':' || c == ',' || c == '[' || c == ']') {
          key.append('\\');
        }
        key.append(c);
      }
    }
  }
}
