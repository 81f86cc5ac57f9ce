package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plans of the intercepted methods, made on the first call of each method and kept: the interceptors
 * look a method up here instead of reading its annotations on every call.
 */
@ApplicationScoped
class MethodPlans {

  private final ConcurrentHashMap<Method, MemoizedMethod> memoized = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<InvalidationSite, InvalidationPlan> invalidations = new ConcurrentHashMap<>();

  private record InvalidationSite(Method method, InvalidationPlan.Kind kind) {}

  @Inject CacheRegistry caches;
  @Inject BeanManager beanManager;

  /** The caches the plans act on. */
  CacheRegistry caches() {
    return caches;
  }

  /** A memoized method bound to its cache. */
  record MemoizedMethod(MemoizePlan plan, Cache<Object> cache) {}

  MemoizedMethod memoized(Method method) {
    MemoizedMethod found = memoized.get(method);
    return found != null ? found : memoized.computeIfAbsent(method, this::bindMemoized);
  }

  private MemoizedMethod bindMemoized(Method method) {
    MemoizePlan plan = MemoizePlan.of(method, caches.configuration().memoizeTtl(MemoizePlan.configName(method)));
    setUp(plan.keys);
    return new MemoizedMethod(plan, caches.get(plan.cacheName));
  }

  InvalidationPlan invalidation(Method method, InvalidationPlan.Kind kind) {
    InvalidationSite site = new InvalidationSite(method, kind);
    InvalidationPlan found = invalidations.get(site);
    return found != null ? found : invalidations.computeIfAbsent(site, s -> {
      InvalidationPlan plan = InvalidationPlan.of(s.method(), s.kind());
      if (plan.keys != null) {
        setUp(plan.keys);
      }
      return plan;
    });
  }

  private void setUp(KeyScheme keys) {
    Class<? extends CacheKeyGenerator> type = keys.generatorType();
    if (type != null) {
      keys.useGenerator(generator(type));
    }
  }

  /** The CDI bean of {@code type} if there is one, else a new instance from its no-argument constructor. */
  CacheKeyGenerator generator(Class<? extends CacheKeyGenerator> type) {
    Instance<? extends CacheKeyGenerator> bean = beanManager.createInstance().select(type);
    if (bean.isResolvable()) {
      return bean.get();
    }
    try {
      Constructor<? extends CacheKeyGenerator> constructor = type.getDeclaredConstructor();
      constructor.trySetAccessible();
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("keyGenerator " + type.getName() + " is neither a CDI bean nor"
          + " instantiable through a no-argument constructor", e);
    }
  }
}
