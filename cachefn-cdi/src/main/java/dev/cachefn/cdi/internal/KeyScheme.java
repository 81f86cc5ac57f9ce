package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.CacheKeyGenerator;
import dev.cachefn.ArgumentText;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a method call becomes a cache key: the {@link CacheKey} parameters (all when none is marked), each by
 * its {@code toString()}, joined by {@code :}; or a {@link CacheKeyGenerator}.
 *
 * <p>Values are written by cachefn-api's {@link ArgumentText}, as {@code Memoizer} writes them: escaped
 * ({@code \}, {@code :}, {@code ,}, {@code [}, {@code ]} get a {@code \}; {@code null} is {@code \0}; arrays
 * are {@code [a,b]}) so that different argument lists never share a key. A method with
 * no key parameter has the single key {@value #NO_PARAMETERS}. A {@code @Memoize} method and an
 * {@code @Invalidate} method whose key parameters have equal values compute equal keys.
 */
final class KeyScheme {

  static final String NO_PARAMETERS = "\\()";

  private final int[] parameters;
  private final @Nullable Class<? extends CacheKeyGenerator> generatorType;
  /** Whether the last parameter is a suspend function's continuation, which a generator does not see. */
  private final boolean suspending;
  private volatile @Nullable CacheKeyGenerator generator;

  private KeyScheme(int[] parameters, @Nullable Class<? extends CacheKeyGenerator> generatorType, boolean suspending) {
    this.parameters = parameters;
    this.generatorType = generatorType;
    this.suspending = suspending;
  }

  /**
   * The key scheme of {@code method}.
   *
   * @param generatorType the annotation's {@code keyGenerator}; {@link CacheKeyGenerator} itself for none
   * @throws IllegalArgumentException if a key parameter's type cannot make a stable key, or the generator
   *     class cannot be instantiated
   */
  static KeyScheme of(Method method, Class<? extends CacheKeyGenerator> generatorType) {
    if (generatorType != CacheKeyGenerator.class) {
      if (generatorType.isInterface() || Modifier.isAbstract(generatorType.getModifiers())) {
        throw new IllegalArgumentException("keyGenerator " + generatorType.getName() + " must be a concrete class");
      }
      return new KeyScheme(new int[0], generatorType, SuspendingMethods.isSuspending(method));
    }
    Parameter[] all = method.getParameters();
    int count = SuspendingMethods.argumentCount(method); // a suspend function's continuation is no argument
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (all[i].isAnnotationPresent(CacheKey.class)) {
        marked.add(i);
      }
    }
    int[] chosen = marked.isEmpty()
        ? java.util.stream.IntStream.range(0, count).toArray()
        : marked.stream().mapToInt(Integer::intValue).toArray();
    for (int index : chosen) {
      checkKeyType(all[index]);
    }
    return new KeyScheme(chosen, null, false);
  }

  /** The generator class to instantiate, or {@code null} when keys come from the parameters. */
  @Nullable Class<? extends CacheKeyGenerator> generatorType() {
    return generatorType;
  }

  /** Sets the generator instance once the container can provide it. */
  void useGenerator(CacheKeyGenerator generator) {
    this.generator = generator;
  }

  private static void checkKeyType(Parameter parameter) {
    Class<?> type = parameter.getType();
    while (type.isArray()) {
      type = type.getComponentType();
    }
    // interfaces, abstract classes and Object say nothing about the runtime class; checked per call
    if (type.isPrimitive() || type.isInterface() || Modifier.isAbstract(type.getModifiers())
        || type == Object.class) {
      return;
    }
    boolean ownToString = ArgumentText.hasOwnToString(type);
    boolean ownEquals = declaresBelowObject(type, "equals", Object.class);
    if (!ownToString || !ownEquals) {
      throw new IllegalArgumentException("key parameter '" + parameter.getName() + "' of type " + type.getName()
          + " does not override " + (ownToString ? "equals()" : ownEquals ? "toString()" : "toString() and equals()")
          + ", so equal arguments would not share a key. Override them (a record does), mark other parameters"
          + " with @CacheKey, or set a keyGenerator");
    }
  }

  private static boolean declaresBelowObject(Class<?> type, String name, Class<?>... parameterTypes) {
    try {
      return type.getMethod(name, parameterTypes).getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The key of one call. */
  String key(Method method, @Nullable Object[] arguments) {
    if (generatorType != null) {
      return generated(method, arguments);
    }
    switch (parameters.length) {
      case 0:
        return NO_PARAMETERS;
      case 1:
        return ArgumentText.of(arguments[parameters[0]]);
      default:
        StringBuilder key = new StringBuilder(16 * parameters.length);
        for (int i = 0; i < parameters.length; i++) {
          if (i > 0) {
            key.append(':');
          }
          ArgumentText.append(key, arguments[parameters[i]]);
        }
        return key.toString();
    }
  }

  private String generated(Method method, @Nullable Object[] arguments) {
    CacheKeyGenerator current = generator;
    if (current == null) {
      throw new IllegalStateException("keyGenerator " + generatorType.getName() + " is not set up");
    }
    // a generator sees the call's arguments, not a suspend function's continuation
    String key = current.key(method, suspending ? Arrays.copyOf(arguments, arguments.length - 1) : arguments);
    if (key == null || key.isEmpty()) {
      throw new IllegalStateException("keyGenerator " + generatorType.getName() + " returned "
          + (key == null ? "null" : "an empty key") + " for " + MethodNames.describe(method));
    }
    return key;
  }
}
