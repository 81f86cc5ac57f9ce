package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.CacheKeyGenerator;
import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.spi.CacheFnChecks;
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
 * The checks of {@link CacheFnChecks}: the annotated methods through their {@link MemoizePlan} and
 * {@link InvalidationPlan}, the configuration through {@link CacheConfiguration}. Thread-safe.
 */
public final class DeploymentChecks implements CacheFnChecks {

  private final Set<String> cacheNames = new TreeSet<>();
  private final Set<String> memoizedMethods = new TreeSet<>();
  private final Set<String> writeTimeCaches = new TreeSet<>();
  private static volatile Set<String> writeTimeCachesAtBuildTime = Set.of();
  private final Map<Class<? extends CacheKeyGenerator>, Method> keyGenerators = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  @Override
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

  @Override
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
        if (plan.needsWriteTimes()) {
          writeTimeCaches.add(plan.cacheName);
        }
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
          if (plan.cacheName() != null) {
            cacheNames.add(plan.cacheName());
          }
          KeyScheme keys = plan.keys();
          if (keys != null && keys.generatorType() != null) {
            keyGenerators.put(keys.generatorType(), method);
          }
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      }
    }
  }

  @Override
  public synchronized void checkCacheName(String value, Object where) {
    if (value.isBlank()) {
      problems.add("@CacheName must name a cache, but is blank at " + where);
    } else {
      cacheNames.add(value);
    }
  }

  @Override
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public synchronized Found found() {
    return new Found(cacheNames, memoizedMethods, writeTimeCaches);
  }

  /**
   * Tells the cache registry, at run time, the {@link Found#writeTimeCaches()} that a build-time check found (the
   * Quarkus extension; one application per class loader there).
   */
  public static void useWriteTimeCaches(Set<String> names) {
    writeTimeCachesAtBuildTime = Set.copyOf(names);
  }

  static Set<String> writeTimeCachesAtBuildTime() {
    return writeTimeCachesAtBuildTime;
  }

  @Override
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

  /** See {@link CacheFnChecks#configuredCaches}. */
  public static Set<String> configuredCaches(Config config, boolean serverWideKeys) {
    return new CacheConfiguration(config).namedCaches(serverWideKeys);
  }

  /** See {@link CacheFnChecks#configurationProblems}. */
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
