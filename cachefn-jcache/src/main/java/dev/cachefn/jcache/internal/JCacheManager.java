package dev.cachefn.jcache.internal;

import dev.cachefn.Ticker;
import dev.cachefn.jcache.CacheFnConfiguration;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;

/**
 * The JCache {@link CacheManager} of CacheFn: owns the caches created under one URI and class loader.
 *
 * <p>Thread-safe. After {@link #close()} (which closes every cache) all methods but {@link #isClosed()},
 * {@link #getURI()}, {@link #getClassLoader()}, {@link #getProperties()}, {@link #getCachingProvider()} and
 * {@link #unwrap} throw {@link IllegalStateException}.
 */
public final class JCacheManager implements CacheManager {

  /** Runs {@code loadAll} work off the caller's thread; daemon threads that end when idle. */
  private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "cachefn-jcache-loader");
    thread.setDaemon(true);
    return thread;
  });

  private final CachingProvider provider;
  private final URI uri;
  private final ClassLoader classLoader;
  private final Properties properties;
  private final Consumer<JCacheManager> onClose;
  private final ConcurrentHashMap<String, JCacheCache<?, ?>> caches = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Creates a manager; {@link dev.cachefn.jcache.CacheFnCachingProvider} does this, users ask the provider.
   *
   * @param onClose told once when this manager closes, so that the provider forgets it
   */
  public JCacheManager(CachingProvider provider, URI uri, ClassLoader classLoader, Properties properties,
      Consumer<JCacheManager> onClose) {
    this.provider = Objects.requireNonNull(provider, "provider must not be null");
    this.uri = Objects.requireNonNull(uri, "uri must not be null");
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
    this.properties = Objects.requireNonNull(properties, "properties must not be null");
    this.onClose = Objects.requireNonNull(onClose, "onClose must not be null");
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    Objects.requireNonNull(configuration, "configuration must not be null");
    CompleteConfiguration<K, V> complete = complete(configuration);
    synchronized (caches) {
      if (caches.containsKey(cacheName)) {
        throw new CacheException("a cache named '" + cacheName + "' already exists in " + uri);
      }
      @SuppressWarnings("unchecked")
      CacheFnConfiguration<K, V> cacheFn = configuration instanceof CacheFnConfiguration<?, ?> own
          ? (CacheFnConfiguration<K, V>) own
          : new CacheFnConfiguration<>();
      JCacheCache<K, V> cache = new JCacheCache<>(this, cacheName, complete, classLoader, cacheFn, BACKGROUND);
      caches.put(cacheName, cache);
      return cache;
    }
  }

  private static <K, V> CompleteConfiguration<K, V> complete(Configuration<K, V> configuration) {
    if (configuration instanceof CompleteConfiguration<K, V> complete) {
      return complete;
    }
    return new MutableConfiguration<K, V>()
        .setTypes(configuration.getKeyType(), configuration.getValueType())
        .setStoreByValue(configuration.isStoreByValue());
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    Objects.requireNonNull(keyType, "keyType must not be null");
    Objects.requireNonNull(valueType, "valueType must not be null");
    JCacheCache<?, ?> cache = caches.get(cacheName);
    if (cache == null) {
      return null;
    }
    CompleteConfiguration<?, ?> configuration = cache.currentConfiguration();
    if (!configuration.getKeyType().equals(keyType)) {
      throw new ClassCastException("cache '" + cacheName + "' has keys of type "
          + configuration.getKeyType().getName() + ", not " + keyType.getName());
    }
    if (!configuration.getValueType().equals(valueType)) {
      throw new ClassCastException("cache '" + cacheName + "' has values of type "
          + configuration.getValueType().getName() + ", not " + valueType.getName());
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> typed = (Cache<K, V>) cache;
    return typed;
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    @SuppressWarnings("unchecked")
    Cache<K, V> cache = (Cache<K, V>) caches.get(cacheName);
    return cache;
  }

  @Override
  public Iterable<String> getCacheNames() {
    checkOpen();
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  @Override
  public void destroyCache(String cacheName) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    JCacheCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      cache.clear();
      cache.close();
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    withCache(cacheName, cache -> cache.setManagementEnabled(enabled));
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    withCache(cacheName, cache -> cache.setStatisticsEnabled(enabled));
  }

  /** Runs {@code action} on the open cache named {@code cacheName}, if there is one. */
  private void withCache(String cacheName, Consumer<JCacheCache<?, ?>> action) {
    checkOpen();
    Objects.requireNonNull(cacheName, "cacheName must not be null");
    JCacheCache<?, ?> cache = caches.get(cacheName);
    if (cache != null) {
      action.accept(cache);
    }
  }

  /** Forgets {@code cache} once it closed. */
  void release(JCacheCache<?, ?> cache) {
    caches.remove(cache.getName(), cache);
  }

  @Override
  public void close() {
    synchronized (caches) {
      if (closed) {
        return;
      }
      closed = true;
    }
    onClose.accept(this);
    for (JCacheCache<?, ?> cache : new ArrayList<>(caches.values())) {
      try {
        cache.close();
      } catch (RuntimeException e) {
        System.getLogger(JCacheManager.class.getName())
            .log(System.Logger.Level.WARNING, "closing cache " + cache.getName() + " failed", e);
      }
    }
    caches.clear();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    return Unwrapping.self(this, clazz, "a cache manager");
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("cache manager " + uri + " is closed");
    }
  }

  @Override
  public String toString() {
    return "JCacheManager{uri=" + uri + ", caches=" + caches.keySet() + "}";
  }
}
