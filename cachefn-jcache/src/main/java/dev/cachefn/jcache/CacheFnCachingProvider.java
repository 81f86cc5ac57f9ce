package dev.cachefn.jcache;

import dev.cachefn.jcache.internal.JCacheManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.jspecify.annotations.Nullable;

/**
 * The JCache {@link CachingProvider} of CacheFn. Found by {@code Caching.getCachingProvider()} through
 * {@code META-INF/services}; hands out one {@link CacheManager} per URI and class loader until it is closed.
 *
 * <p>Caches accept keys of any type, compared with {@code equals}/{@code hashCode}, and support
 * store-by-value (a serialization copy) as well as store-by-reference. Thread-safe.
 */
public final class CacheFnCachingProvider implements CachingProvider {

  private static final URI DEFAULT_URI = URI.create("urn:cachefn:jcache");

  private final Map<ClassLoader, Map<URI, JCacheManager>> managers = new WeakHashMap<>();

  /** Creates the provider; {@code Caching} calls this through the service loader. */
  public CacheFnCachingProvider() {}

  @Override
  public synchronized CacheManager getCacheManager(
      @Nullable URI uri, @Nullable ClassLoader classLoader, @Nullable Properties properties) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Properties props = properties == null ? new Properties() : properties;
    Map<URI, JCacheManager> byUri = managers.computeIfAbsent(loader, l -> new HashMap<>());
    JCacheManager manager = byUri.get(managerUri);
    if (manager == null || manager.isClosed()) {
      manager = new JCacheManager(this, managerUri, loader, props, this::release);
      byUri.put(managerUri, manager);
    }
    return manager;
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : CacheFnCachingProvider.class.getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return DEFAULT_URI;
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public CacheManager getCacheManager(@Nullable URI uri, @Nullable ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader());
  }

  @Override
  public void close() {
    List<JCacheManager> all = new ArrayList<>();
    synchronized (this) {
      managers.values().forEach(byUri -> all.addAll(byUri.values()));
      managers.clear();
    }
    all.forEach(JCacheManager::close);
  }

  @Override
  public void close(@Nullable ClassLoader classLoader) {
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    Map<URI, JCacheManager> byUri;
    synchronized (this) {
      byUri = managers.remove(loader);
    }
    if (byUri != null) {
      new ArrayList<>(byUri.values()).forEach(JCacheManager::close);
    }
  }

  @Override
  public void close(@Nullable URI uri, @Nullable ClassLoader classLoader) {
    URI managerUri = uri == null ? getDefaultURI() : uri;
    ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
    JCacheManager manager = null;
    synchronized (this) {
      Map<URI, JCacheManager> byUri = managers.get(loader);
      if (byUri != null) {
        manager = byUri.remove(managerUri);
        if (byUri.isEmpty()) {
          managers.remove(loader);
        }
      }
    }
    if (manager != null) {
      manager.close();
    }
  }

  /** Forgets {@code manager} once it has closed itself: the next request for its URI gets a new one. */
  private synchronized void release(JCacheManager manager) {
    Map<URI, JCacheManager> byUri = managers.get(manager.getClassLoader());
    if (byUri != null && byUri.get(manager.getURI()) == manager) {
      byUri.remove(manager.getURI());
      if (byUri.isEmpty()) {
        managers.remove(manager.getClassLoader());
      }
    }
  }

  @Override
  public boolean isSupported(OptionalFeature optionalFeature) {
    Objects.requireNonNull(optionalFeature, "optionalFeature must not be null");
    return optionalFeature == OptionalFeature.STORE_BY_REFERENCE;
  }
}
