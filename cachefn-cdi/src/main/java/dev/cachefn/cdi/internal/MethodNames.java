package dev.cachefn.cdi.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How messages name a method ({@code com.example.UserService.find(String)}), and the interception check. */
final class MethodNames {

  private MethodNames() {}

  /**
   * The class, name and parameter types of {@code method}; a Kotlin {@code suspend} fun as Kotlin declares it,
   * {@code suspend fun com.example.QuoteService.quote(String)}, without the continuation the compiler adds.
   */
  static String describe(Method method) {
    boolean suspending = SuspendingMethods.isSuspending(method);
    return (suspending ? "suspend fun " : "") + method.getDeclaringClass().getName() + "." + method.getName()
        + Arrays.stream(method.getParameterTypes()).limit(SuspendingMethods.argumentCount(method))
            .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Fails unless a container can intercept {@code method}. */
  static void requireInterceptable(Method method) {
    int modifiers = method.getModifiers();
    if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
      throw new IllegalArgumentException("the method must not be private, static or final: CDI cannot"
          + " intercept it, so the annotation would do nothing" + KotlinSource.openingHint(method));
    }
  }
}
