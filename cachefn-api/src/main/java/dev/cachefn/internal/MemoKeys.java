package dev.cachefn.internal;

import dev.cachefn.ArgumentText;
import org.jspecify.annotations.Nullable;

/**
 * Default keys of memoized functions: {@code <name>:<arg>[:<arg>]}, each argument written as
 * {@link ArgumentText} writes it, so that two different argument lists never share a key.
 */
final class MemoKeys {

  private MemoKeys() {}

  static String of(String name, @Nullable Object argument) {
    return name + ':' + ArgumentText.of(argument);
  }

  static String of(String name, @Nullable Object first, @Nullable Object second) {
    return name + ':' + ArgumentText.of(first) + ':' + ArgumentText.of(second);
  }
}
