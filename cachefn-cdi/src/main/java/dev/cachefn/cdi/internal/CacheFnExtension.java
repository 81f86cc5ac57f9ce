package dev.cachefn.cdi.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.InvalidateAll;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.InvalidateTags;
import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.spi.CacheFnChecks;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portable extension that CDI containers with full CDI (Weld, OpenWebBeans) find through
 * {@code META-INF/services}: it adds CacheFn's beans and interceptors, and checks at start-up what can be
 * checked then, so that a mistake fails the deployment with a message naming the method or property instead
 * of failing a request later.
 *
 * <p>Checked: {@code @CacheName} values; every {@code @Memoize} and invalidation method (return type, TTL, tag templates,
 * key parameter types, key generator); the {@code cachefn.*} configuration of every cache the application
 * names or configures; and the storages those caches use, which it starts then in the application's
 * {@link StorageRegistry} and closes when the container shuts down.
 */
public class CacheFnExtension implements Extension {

  private static final List<Class<?>> BEAN_CLASSES = List.of(CacheRegistry.class, CacheEventBridge.class,
      MethodPlans.class, MemoizeInterceptor.class, InvalidationInterceptor.class);

  private final CacheFnChecks checks = CacheFnChecks.create();

  /** The list behind {@code CacheFnBeans.classes()}: the classes stay package-private, the list is shared. */
  public static List<Class<?>> beanClasses() {
    return BEAN_CLASSES;
  }
  private final CacheEventObservers cacheEventObservers = new CacheEventObservers();
  private final StorageRegistry storages = new StorageRegistry();

  void addBeans(@Observes BeforeBeanDiscovery discovery) {
    for (Class<?> type : BEAN_CLASSES) {
      discovery.addAnnotatedType(type, CacheFnExtension.class.getName() + "/" + type.getName());
    }
  }

  void collectCacheNames(@Observes ProcessInjectionPoint<?, ?> event) {
    for (Annotation qualifier : event.getInjectionPoint().getQualifiers()) {
      if (qualifier instanceof CacheName cacheName) {
        checks.checkCacheName(cacheName.value(), event.getInjectionPoint());
      }
    }
  }

  <T> void checkAnnotatedMethods(@Observes @WithAnnotations({Memoize.class, Invalidate.class, InvalidateAll.class, InvalidateTags.class,
      InvalidatePattern.class}) ProcessAnnotatedType<T> event) {
    AnnotatedType<T> type = event.getAnnotatedType();
    if (type.isAnnotationPresent(Interceptor.class)) {
      return;
    }
    checks.checkClass(type.getJavaClass());
    for (AnnotatedMethod<? super T> annotated : type.getMethods()) {
      checks.checkMethod(annotated.getJavaMember());
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
    for (String problem : checks.problems()) {
      event.addDefinitionError(new DefinitionException(problem));
    }
  }

  void checkConfiguration(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
    for (String problem : checks.keyGeneratorProblems(type -> !beanManager.getBeans(type).isEmpty())) {
      event.addDeploymentProblem(new DeploymentException(problem));
    }
    CacheFnChecks.Found found = checks.found();
    List<String> problems = new ArrayList<>(CacheFnChecks.configurationProblems(ConfigProvider.getConfig(),
        found.cacheNames(), found.memoizedMethods()));
    CacheConfiguration configuration = new CacheConfiguration(ConfigProvider.getConfig());
    for (String problem : storages.start(configuration.storageUsers(found.cacheNames()))) {
      problems.add("CacheFn configuration: " + problem);
    }
    if (!problems.isEmpty()) {
      storages.close(); // the deployment fails: nothing will use them
    }
    for (String problem : problems) {
      event.addDeploymentProblem(new DeploymentException(problem));
    }
  }

  void closeStorages(@Observes BeforeShutdown event) {
    storages.close();
  }

  /** The application's storages, started at deployment. */
  StorageRegistry storages() {
    return storages;
  }

  /** The caches that the application's injection points and annotations name. */
  Set<String> cacheNames() {
    return checks.found().cacheNames();
  }

  /** The caches that a {@code @Memoize} with freshness settings uses. */
  Set<String> writeTimeCaches() {
    return checks.found().writeTimeCaches();
  }

  /** The observers of cache events seen at start-up. */
  CacheEventObservers cacheEventObservers() {
    return cacheEventObservers;
  }
}
