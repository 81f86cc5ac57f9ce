package dev.cachefn.cdi.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.cdi.CacheKeyGenerator;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.InvalidateAll;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.InvalidateTags;
import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.util.Map;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portable extension that CDI containers with full CDI (Weld, OpenWebBeans) find through
 * {@code META-INF/services}: it adds CacheFn's beans and interceptors, and checks at start-up what can be
 * checked then, so that a mistake fails the deployment with a message naming the method or property instead
 * of failing a request later.
 *
 * <p>Checked: {@code @CacheName} values; every {@code @Memoize} and invalidation method (return type, TTL, tag templates,
 * key parameter types, key generator); the {@code cachefn.*} configuration of every cache the application
 * names or configures.
 */
public class CacheFnExtension implements Extension {

  private final Set<String> cacheNames = ConcurrentHashMap.newKeySet();
  private final Set<String> memoizedMethods = ConcurrentHashMap.newKeySet();
  private final List<String> definitionProblems = new ArrayList<>();
  private final CacheEventObservers cacheEventObservers = new CacheEventObservers();
  private final Map<Class<? extends CacheKeyGenerator>, Method> keyGenerators = new ConcurrentHashMap<>();

  void addBeans(@Observes BeforeBeanDiscovery discovery) {
    for (Class<?> type : List.of(CacheRegistry.class, CacheEventBridge.class, MethodPlans.class,
        MemoizeInterceptor.class, InvalidateInterceptor.class, InvalidateAllInterceptor.class,
        InvalidateTagsInterceptor.class, InvalidatePatternInterceptor.class)) {
      discovery.addAnnotatedType(type, CacheFnExtension.class.getName() + "/" + type.getName());
    }
  }

  void collectCacheNames(@Observes ProcessInjectionPoint<?, ?> event) {
    for (Annotation qualifier : event.getInjectionPoint().getQualifiers()) {
      if (qualifier instanceof CacheName cacheName) {
        if (cacheName.value().isBlank()) {
          problem("@CacheName must name a cache, but is blank at " + event.getInjectionPoint());
        } else {
          cacheNames.add(cacheName.value());
        }
      }
    }
  }

  <T> void checkAnnotatedMethods(@Observes @WithAnnotations({Memoize.class, Invalidate.class, InvalidateAll.class, InvalidateTags.class,
      InvalidatePattern.class}) ProcessAnnotatedType<T> event) {
    AnnotatedType<T> type = event.getAnnotatedType();
    if (type.isAnnotationPresent(Interceptor.class)) {
      return;
    }
    if (type.isAnnotationPresent(Memoize.class)) {
      problem("@Memoize on class " + type.getJavaClass().getName() + " is not supported: put it on each method"
          + " whose result to cache");
    }
    for (InvalidationPlan.Kind kind : InvalidationPlan.Kind.values()) {
      if (type.isAnnotationPresent(kind.annotation)) {
        problem("@" + kind.annotation.getSimpleName() + " on class " + type.getJavaClass().getName()
            + " is not supported: put it on each method");
      }
    }
    for (AnnotatedMethod<? super T> annotated : type.getMethods()) {
      Method method = annotated.getJavaMember();
      if (method.isSynthetic()) {
        // made by a compiler, with copies of the annotations: a bridge method, or the static body of an open
        // Kotlin suspend fun ($suspendImpl), which the container never intercepts; the real method is checked
        continue;
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
          problem(e.getMessage());
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
            problem(e.getMessage());
          }
        }
      }
    }
  }

  private void problem(String message) {
    synchronized (definitionProblems) {
      definitionProblems.add(message);
    }
  }

  /** Makes the value of {@code @CacheName} on an observer select the cache; which CDI ignores as it is {@code @Nonbinding}. */
  <T, X> void filterObserversByCacheName(@Observes ProcessObserverMethod<T, X> event) {
    ObserverMethod<T> observer = event.getObserverMethod();
    cacheEventObservers.add(observer);
    String wanted = CacheEventObservers.cacheNameOf(observer);
    if (wanted != null) {
      event.configureObserverMethod().notifyWith(context -> {
        if (!(context.getEvent() instanceof CacheEvent<?> cacheEvent) || wanted.equals(cacheEvent.cacheName())) {
          observer.notify(context);
        }
      });
    }
  }

  void reportDefinitionProblems(@Observes AfterBeanDiscovery event) {
    synchronized (definitionProblems) {
      for (String problem : definitionProblems) {
        event.addDefinitionError(new DefinitionException(problem));
      }
    }
  }

  void checkConfiguration(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
    keyGenerators.forEach((generator, method) -> {
      if (beanManager.getBeans(generator).isEmpty() && !hasNoArgumentConstructor(generator)) {
        event.addDeploymentProblem(new DeploymentException("keyGenerator " + generator.getName() + " of "
            + MethodNames.describe(method) + " is neither a CDI bean nor has a no-argument constructor"));
      }
    });
    CacheConfiguration configuration =
        new CacheConfiguration(ConfigProvider.getConfig(), CacheConfiguration.availableStorages());
    for (String problem : configuration.problems(cacheNames, memoizedMethods)) {
      event.addDeploymentProblem(new DeploymentException("CacheFn configuration: " + problem));
    }
  }

  /** The observers of cache events seen at start-up. */
  CacheEventObservers cacheEventObservers() {
    return cacheEventObservers;
  }

  private static boolean hasNoArgumentConstructor(Class<?> type) {
    try {
      type.getDeclaredConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
