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
  private final ConcurrentHashMap<Method, Invalidations> invalidations = new ConcurrentHashMap<>();

  @Inject CacheRegistry caches;
  @Inject BeanManager beanManager;

  /** The caches the plans act on. */
  CacheRegistry caches() {
    return caches;
  }

  /** A memoized method bound to its cache. */
  record MemoizedMethod(MemoizePlan plan, Cache<Object> cache) {}

  /**
   * The plan of {@code method}, made on first use outside any lock (making it may create a key generator
   * bean, the application's code); two threads that race both make one and keep the first.
   */
  MemoizedMethod memoized(Method method) {
    MemoizedMethod found = memoized.get(method);
    if (found != null) {
      return found;
    }
    MemoizedMethod made = bindMemoized(method);
    MemoizedMethod raced = memoized.putIfAbsent(method, made);
    return raced != null ? raced : made;
  }

  private MemoizedMethod bindMemoized(Method method) {
    MemoizePlan plan = MemoizePlan.of(method, caches.configuration().memoizeTtl(MemoizePlan.configName(method)));
    setUp(plan.keys);
    return new MemoizedMethod(plan, caches.get(plan.cacheName));
  }

  /** The invalidation annotations of {@code method}, made and raced for as in {@link #memoized}. */
  Invalidations invalidations(Method method) {
    Invalidations found = invalidations.get(method);
    if (found != null) {
      return found;
    }
    Invalidations made = Invalidations.of(method);
    for (InvalidationPlan plan : made.plans) {
      if (plan.keys() != null) {
        setUp(plan.keys());
      }
    }
    Invalidations raced = invalidations.putIfAbsent(method, made);
    return raced != null ? raced : made;
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
