package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.Ticker;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.NamedCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's named caches: creates each on first use from MicroProfile Config, connects it to CDI
 * events, and produces it for {@code @Inject @CacheName("...") Cache<V>}. A bean of type {@link Ticker}, if
 * the application has one, is the clock of every cache (tests use it to drive expiration).
 */
@ApplicationScoped
class CacheRegistry implements NamedCaches {

  private final ConcurrentHashMap<String, Cache<?>> caches = new ConcurrentHashMap<>();

  @Inject Instance<Ticker> tickers;
  @Inject CacheEventBridge events;

  private CacheConfiguration configuration;
  private Ticker ticker;

  @PostConstruct
  void start() {
    configuration = new CacheConfiguration(ConfigProvider.getConfig(), CacheConfiguration.availableStorages());
    ticker = tickers.isResolvable() ? tickers.get() : Ticker.system();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> Cache<V> get(String name) {
    Cache<?> cache = caches.get(name);
    if (cache == null) {
      cache = caches.computeIfAbsent(name, this::create);
    }
    return (Cache<V>) cache;
  }

  private Cache<?> create(String name) {
    Cache<Object> cache = CacheFn.create(configuration.options(name, ticker));
    events.connect(cache);
    return cache;
  }

  @Override
  public Set<String> names() {
    return Set.copyOf(caches.keySet());
  }

  /** Produces the cache that an injection point's {@code @CacheName} names. */
  @Produces
  @Dependent
  @CacheName("")
  <V> Cache<V> produce(InjectionPoint injectionPoint) {
    return get(nameOf(injectionPoint));
  }

  private static String nameOf(InjectionPoint injectionPoint) {
    for (Annotation qualifier : injectionPoint.getQualifiers()) {
      if (qualifier instanceof CacheName cacheName) {
        return cacheName.value();
      }
    }
    throw new IllegalStateException("no @CacheName at " + injectionPoint);
  }
}
