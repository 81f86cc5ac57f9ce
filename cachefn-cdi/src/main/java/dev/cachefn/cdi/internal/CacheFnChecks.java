package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.CacheKeyGenerator;
import dev.cachefn.cdi.Memoize;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;

/**
 * The start-up checks of CacheFn's annotations and configuration, shared by the portable extension (Weld) and
 * by runtimes that build the application ahead of time and run no portable extension (the Quarkus extension
 * calls it from its build steps). The messages are the same everywhere: they name the method or property.
 *
 * <p>Feed it every bean class and method that carries a CacheFn annotation and every {@code @CacheName}
 * value, then read {@link #problems()}; the cache names and memoized methods it collected are what
 * {@link #configurationProblems} checks. Internal: not an API, it may change in any release. Thread-safe.
 */
public final class CacheFnChecks {

  private final Set<String> cacheNames = new TreeSet<>();
  private final Set<String> memoizedMethods = new TreeSet<>();
  private final Map<Class<? extends CacheKeyGenerator>, Method> keyGenerators = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Rejects {@code @Memoize} and the invalidation annotations on a bean class (they go on methods). */
  public synchronized void checkClass(Class<?> type) {
    if (type.isAnnotationPresent(Interceptor.class)) {
      return;
    }
    if (type.isAnnotationPresent(Memoize.class)) {
      problems.add("@Memoize on class " + type.getName() + " is not supported: put it on each method"
          + " whose result to cache");
    }
    for (InvalidationPlan.Kind kind : InvalidationPlan.Kind.values()) {
      if (type.isAnnotationPresent(kind.annotation)) {
        problems.add("@" + kind.annotation.getSimpleName() + " on class " + type.getName()
            + " is not supported: put it on each method");
      }
    }
  }

  /** Checks the {@code @Memoize} and invalidation annotations of {@code method}, if it has any. */
  public synchronized void checkMethod(Method method) {
    if (method.getDeclaringClass().isAnnotationPresent(Interceptor.class) || method.isSynthetic()) {
      // a synthetic method is made by a compiler, with copies of the annotations: a bridge method, or the static
      // body of an open Kotlin suspend fun ($suspendImpl), which the container never intercepts; the real one is checked
      return;
    }
    if (method.isAnnotationPresent(Memoize.class)) {
      try {
        MemoizePlan plan = MemoizePlan.of(method);
        cacheNames.add(plan.cacheName);
        memoizedMethods.add(MemoizePlan.configName(method));
        Class<? extends CacheKeyGenerator> generator = plan.keys.generatorType();
        if (generator != null) {
          keyGenerators.put(generator, method);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    for (InvalidationPlan.Kind kind : InvalidationPlan.Kind.values()) {
      if (method.isAnnotationPresent(kind.annotation)) {
        try {
          InvalidationPlan plan = InvalidationPlan.of(method, kind);
          if (plan.cacheName != null) {
            cacheNames.add(plan.cacheName);
          }
          if (plan.keys != null && plan.keys.generatorType() != null) {
            keyGenerators.put(plan.keys.generatorType(), method);
          }
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      }
    }
  }

  /** Records the value of a {@code @CacheName} found at {@code where} (an injection point), rejecting a blank one. */
  public synchronized void checkCacheName(String value, Object where) {
    if (value.isBlank()) {
      problems.add("@CacheName must name a cache, but is blank at " + where);
    } else {
      cacheNames.add(value);
    }
  }

  /** The problems found so far, one message each; empty when all is well. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** The caches that injection points and annotations name. */
  public synchronized Set<String> cacheNames() {
    return Set.copyOf(cacheNames);
  }

  /** The {@code <class>.<method>} names of the {@code @Memoize} methods, as configuration names them. */
  public synchronized Set<String> memoizedMethods() {
    return Set.copyOf(memoizedMethods);
  }

  /**
   * The key generators named by annotations that can be neither looked up nor made: no bean of the class
   * (as {@code isBean} says) and no no-argument constructor. One message each, naming a method that uses it.
   */
  public synchronized List<String> keyGeneratorProblems(Predicate<Class<?>> isBean) {
    List<String> messages = new ArrayList<>();
    keyGenerators.forEach((generator, method) -> {
      if (!isBean.test(generator) && !hasNoArgumentConstructor(generator)) {
        messages.add("keyGenerator " + generator.getName() + " of " + MethodNames.describe(method)
            + " is neither a CDI bean nor has a no-argument constructor");
      }
    });
    return messages;
  }

  private static boolean hasNoArgumentConstructor(Class<?> type) {
    try {
      type.getDeclaredConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * The caches that {@code cachefn.cache.<name>.*} properties of the application's own configuration name: with
   * {@link #cacheNames()}, the caches to create at start-up.
   */
  public static Set<String> configuredCaches(Config config) {
    return new CacheConfiguration(config).configuredCaches();
  }

  /**
   * Checks every {@code cachefn.*} property of {@code config}, and the settings of the named caches.
   *
   * @return one message per problem, each starting {@code CacheFn configuration: } and naming the property
   */
  public static List<String> configurationProblems(Config config, Set<String> cacheNames,
      Set<String> memoizedMethods) {
    CacheConfiguration configuration = new CacheConfiguration(config);
    List<String> messages = new ArrayList<>();
    for (String problem : configuration.problems(cacheNames, memoizedMethods)) {
      messages.add("CacheFn configuration: " + problem);
    }
    return messages;
  }
}
