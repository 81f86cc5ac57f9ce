package dev.cachefn.jcache.internal;

/**
 * The rule every JCache {@code unwrap} of this provider follows: the object itself when it is an instance of
 * the class asked for, else an {@link IllegalArgumentException} that says what could not be unwrapped.
 */
final class Unwrapping {

  private Unwrapping() {}

  /**
   * {@code self} as a {@code clazz}.
   *
   * @param what names {@code self} in the error, e.g. {@code "a cache entry"}
   * @throws IllegalArgumentException if {@code self} is not a {@code clazz}
   */
  static <T> T self(Object self, Class<T> clazz, String what) {
    if (clazz.isInstance(self)) {
      return clazz.cast(self);
    }
    throw new IllegalArgumentException(what + " cannot be unwrapped to " + clazz.getName());
  }
}
