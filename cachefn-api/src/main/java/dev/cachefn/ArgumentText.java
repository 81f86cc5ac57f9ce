package dev.cachefn;

import java.lang.reflect.Array;
import org.jspecify.annotations.Nullable;

/**
 * The text an argument takes in a memoization key: its {@code toString()} with a {@code \} before each
 * {@code \}, {@code :}, {@code ,}, {@code [} and {@code ]}; {@code null} as {@code \0}; an array as
 * {@code [a,b]}, element by element. Callers join arguments with {@code :}, so two different argument lists
 * never share a key. A value whose class keeps {@link Object#toString()} is rejected: its text would differ
 * between equal arguments.
 *
 * <p>This is the one key format of memoized calls: {@link Memoizer} writes its keys as
 * {@code <name>:<text>[:<text>]}, and {@code cachefn-cdi}'s {@code @Memoize} writes the key parameters the
 * same way, with this class. Keys are visible to users ({@code keys(pattern)}, invalidation by key), so an
 * application may build one to invalidate it, e.g. {@code cache.delete("findUser:" + ArgumentText.of(id))};
 * the format does not change.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArgumentText {

  /** How {@code null} is written. */
  public static final String NULL = "\\0";

  /** The characters to escape, one bit each: {@code ,} {@code :} below 64, {@code [} {@code \} {@code ]} above. */
  private static final long SPECIAL_BELOW_64 = 1L << ',' | 1L << ':';
  private static final long SPECIAL_FROM_64 = 1L << ('[' - 64) | 1L << ('\\' - 64) | 1L << (']' - 64);

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

  private ArgumentText() {}

  /** Whether {@code type} declares or inherits a {@code toString()} other than {@link Object}'s. */
  public static boolean hasOwnToString(Class<?> type) {
    return HAS_OWN_TO_STRING.get(type);
  }

  /**
   * The text of {@code argument}: the argument itself when it is a string with nothing to escape.
   *
   * @throws IllegalArgumentException if the argument's class keeps {@link Object#toString()}
   */
  public static String of(@Nullable Object argument) {
    if (argument == null) {
      return NULL;
    }
    if (argument.getClass().isArray()) {
      StringBuilder text = new StringBuilder();
      append(text, argument);
      return text.toString();
    }
    String text = text(argument);
    int special = firstSpecial(text, 0);
    if (special < 0) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    appendEscaped(escaped, text, special);
    return escaped.toString();
  }

  /**
   * Appends the text of {@code argument} to {@code key}.
   *
   * @throws IllegalArgumentException if the argument's class (or an array element's) keeps {@link Object#toString()}
   */
  public static void append(StringBuilder key, @Nullable Object argument) {
    if (argument == null) {
      key.append(NULL);
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
      String text = text(argument);
      appendEscaped(key, text, firstSpecial(text, 0));
    }
  }

  private static String text(Object argument) {
    if (argument instanceof String text) {
      return text;
    }
    if (!hasOwnToString(argument.getClass())) {
      throw new IllegalArgumentException("cannot make a cache key of a " + argument.getClass().getName()
          + ": it does not override toString(), so equal arguments would get different keys."
          + " Override toString() or use a keyGenerator");
    }
    return argument.toString();
  }

  /** Appends {@code text}, escaped; its first character to escape is at {@code special}, -1 for none. */
  private static void appendEscaped(StringBuilder key, String text, int special) {
    int from = 0;
    while (special >= 0) {
      key.append(text, from, special).append('\\').append(text.charAt(special));
      from = special + 1;
      special = firstSpecial(text, from);
    }
    key.append(text, from, text.length());
  }

  /** The index of the first character at or after {@code from} that is escaped, or -1. */
  private static int firstSpecial(String text, int from) {
    for (int i = from, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 128 && (c < 64 ? (SPECIAL_BELOW_64 >>> c) & 1 : (SPECIAL_FROM_64 >>> (c - 64)) & 1) != 0) {
        return i;
      }
    }
    return -1;
  }
}
