package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheBuilder;
import dev.cachefn.Freshness;
import dev.cachefn.Ticker;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.NamedCaches;
import dev.cachefn.spi.CacheMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.Nullable;

/**
 * The application's named caches: creates each from MicroProfile Config, at start-up when configuration or
 * annotations name it, else on first use, connects it to CDI
 * events and to metrics, and produces it for {@code @Inject @CacheName("...") Cache<V>}. A bean of type
 * {@link Ticker}, if the application has one, is the clock of every cache (tests use it to drive expiration).
 * Each cache's storage comes from the application's {@link StorageRegistry} (the one the portable extension
 * started at deployment, else one of its own), so caches naming the same storage share it. When the container
 * shuts down, every cache's metrics are removed, every cache is closed, and then the storages.
 */
@ApplicationScoped
class CacheRegistry implements NamedCaches {

  private static final System.Logger LOG = System.getLogger(CacheRegistry.class.getName());
  /**
   * Names the application on every metric; defaults to {@code mp.metrics.appName}, else the server's
   * {@code java:app/AppName}, else the web context path.
   */
  static final String APPLICATION_PROPERTY = "cachefn.metrics.application";

  private final ConcurrentHashMap<String, Cache<?>> caches = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Making> making = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CacheMetrics.Registration> metricRegistrations =
      new ConcurrentHashMap<>();

  @Inject Instance<Ticker> tickers;
  @Inject Instance<CacheMetrics> customMetrics;
  @Inject Instance<Object> beans;
  @Inject CacheEventBridge events;
  @Inject Instance<CacheFnExtension> extension;
  @Inject BeanManager beanManager;

  private CacheConfiguration configuration;
  private StorageRegistry storages;
  private Ticker ticker;
  private volatile @Nullable CacheMetrics metrics;
  private volatile @Nullable String application;
  private volatile boolean stopped;
  /** The container's managed executor, once looked for ({@code null} when it has none). */
  private volatile @Nullable Executor refreshExecutor;
  private volatile boolean refreshExecutorLookedUp;

  @PostConstruct
  void start() {
    Config config = ConfigProvider.getConfig();
    configuration = new CacheConfiguration(config);
    storages = extension.isResolvable() ? extension.get().storages() : new StorageRegistry();
    ticker = tickers.isResolvable() ? tickers.get() : Ticker.system();
    application = config.getOptionalValue(APPLICATION_PROPERTY, String.class)
        .or(() -> config.getOptionalValue("mp.metrics.appName", String.class))
        .orElseGet(WebApplications::name);
  }

  /**
   * Creates, when the application starts (after the portable extension checked the configuration), every cache
   * that its configuration ({@code cachefn.cache.<name>.*}), annotations or injection points name, so that
   * their metrics exist before the first request and a cache that cannot be created fails the deployment.
   */
  void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!extension.isResolvable()) {
      return; // not a full CDI container: ArC fires this at static init; the Quarkus extension does it later
    }
    if (application == null) {
      application = WebApplications.nameOf(started); // a web application's context is its ServletContext
    }
    Set<String> names = new TreeSet<>(configuration.configuredCaches());
    names.addAll(extension.get().cacheNames());
    names.forEach(this::get);
  }

  /**
   * Removes the metrics of every cache, then closes it, then closes the storages; a failure with one cache does
   * not stop the others.
   */
  @PreDestroy
  void stop() {
    stopped = true;
    for (Cache<?> cache : caches.values()) {
      CacheMetrics.Registration registration = metricRegistrations.remove(cache.name());
      try {
        if (registration != null) {
          registration.close();
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Removing the metrics of cache '" + cache.name() + "' failed", e);
      }
      try {
        cache.close();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Closing cache '" + cache.name() + "' failed", e);
      }
    }
    storages.close();
  }

  /** The configuration of the caches and memoized methods. */
  CacheConfiguration configuration() {
    return configuration;
  }

  /**
   * The metrics in use, chosen when the first cache is made (by then a web application's name is known): an
   * application bean, MicroProfile Metrics, Micrometer, OpenTelemetry or none.
   */
  CacheMetrics metrics() {
    CacheMetrics chosen = metrics;
    if (chosen == null) {
      // chosen with no lock held: the choice may create the application's CacheMetrics bean
      chosen = CacheMetricsSelection.select(customMetrics, beans, application);
      synchronized (this) {
        if (metrics == null) {
          metrics = chosen;
        }
        chosen = metrics;
      }
    }
    return chosen;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> Cache<V> get(String name) {
    Cache<?> cache = caches.get(name);
    return (Cache<V>) (cache != null ? cache : make(name));
  }

  /** A cache being made, and the thread making it. */
  private record Making(Thread maker, FutureTask<Cache<?>> task) {}

  /**
   * Makes cache {@code name} once, with no lock held: its storage provider and a metrics bean are the
   * application's code, which must not run inside the map's locks (a {@code computeIfAbsent} would hold up
   * every name in the same bin, the caches a metrics bean asks for included). Other first requests for the
   * name wait for the thread that makes it; the maker asking for the name again fails instead.
   */
  private Cache<?> make(String name) {
    Making mine = new Making(Thread.currentThread(), new FutureTask<>(() -> {
      Cache<?> made = caches.get(name); // made by a maker that finished meanwhile
      if (made == null) {
        made = create(name);
        caches.put(name, made);
      }
      return made;
    }));
    Making running = making.putIfAbsent(name, mine);
    if (running == null) {
      try {
        mine.task().run();
      } finally {
        making.remove(name, mine);
      }
      running = mine;
    } else if (running.maker() == Thread.currentThread()) {
      throw new IllegalStateException("cache '" + name + "' was asked for by the code that makes it (its"
          + " storage or metrics), before it exists");
    }
    try {
      return running.task().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("making cache '" + name + "' failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while cache '" + name + "' was being made", e);
    }
  }

  private Cache<?> create(String name) {
    if (stopped) {
      throw new IllegalStateException("cache '" + name + "' requested while the container shuts down");
    }
    CacheBuilder builder = configuration.builder(name, ticker);
    if (writeTimeCaches().contains(name) && builder.options().freshness() == null) {
      builder.freshness(Freshness.none()); // a @Memoize of it brings its own freshness settings
    }
    if (builder.options().freshness() != null) {
      Executor managed = refreshExecutor();
      if (managed != null) {
        builder.refreshExecutor(managed);
      }
    }
    Cache<Object> cache = builder.storage(storages.storage(configuration.storageOf(name))).build();
    events.connect(cache);
    try {
      metricRegistrations.put(name, metrics().register(cache));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Cache '" + name + "' works, but reports no metrics: registering"
          + " them failed", e);
    }
    return cache;
  }

  /**
   * Caches that a {@code @Memoize} with freshness settings uses: found by the portable extension, or at build
   * time by the Quarkus extension ({@link DeploymentChecks#useWriteTimeCaches}).
   */
  private Set<String> writeTimeCaches() {
    return extension.isResolvable() ? extension.get().writeTimeCaches() : DeploymentChecks.writeTimeCachesAtBuildTime();
  }

  private @Nullable Executor refreshExecutor() {
    if (!refreshExecutorLookedUp) {
      refreshExecutor = ManagedExecutors.find(beanManager); // no lock held: may create the container's bean
      refreshExecutorLookedUp = true;
    }
    return refreshExecutor;
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
