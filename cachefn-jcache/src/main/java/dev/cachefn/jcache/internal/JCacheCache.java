package dev.cachefn.jcache.internal;

import static dev.cachefn.jcache.internal.EntryChecks.requireKey;
import static dev.cachefn.jcache.internal.EntryChecks.requireKeys;
import static dev.cachefn.jcache.internal.EntryChecks.requireValue;

import dev.cachefn.Ticker;
import dev.cachefn.jcache.CacheFnConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache {@link Cache} of keys of any type, compared with {@code equals}/{@code hashCode}: the face that
 * checks arguments and the cache's state, and owns its configuration, listeners, management beans and
 * lifecycle. What each operation does to the entries is {@link EntryOperations}' job; the entries live in
 * an {@link EntryTable} (on cachefn-memory's engine), and statistics and events are applied by the
 * {@link OperationRecorder}. Expiry times come from a {@link Ticker}; an expired entry is never returned.
 * Reads take no lock; listeners are notified after the key's lock is released.
 *
 * <p>Thread-safe. After {@link #close()} every operation but {@link #isClosed()}, {@link #getName()},
 * {@link #getCacheManager()}, {@link #getConfiguration} and {@link #unwrap} throws
 * {@link IllegalStateException}.
 */
public final class JCacheCache<K, V> implements Cache<K, V> {

  private final JCacheManager manager;
  private final String name;
  private final LiveConfiguration<K, V> configuration;
  private final EntryChecks checks;
  private final ExpiryTimes expiry;
  private final ExternalStore<K, V> external;
  private final Copier copier;
  private final Executor background;
  private final EntryTable<K, V> table;
  private final EventDispatcher<K, V> events;
  private final JCacheStatistics statistics = new JCacheStatistics();
  private final OperationRecorder<K, V> recorder;
  private final EntryOperations<K, V> operations;
  private volatile boolean closed;
  /** The CacheFn view, made on the first {@code unwrap(dev.cachefn.Cache.class)}; guarded by this. */
  private dev.cachefn.Cache<V> cacheFnView;
  private final Ticker ticker;

  JCacheCache(JCacheManager manager, String name, CompleteConfiguration<K, V> config, ClassLoader classLoader,
      CacheFnConfiguration<K, V> settings, Executor background) {
    this.manager = manager;
    this.name = name;
    this.checks = new EntryChecks(name, config.getKeyType(), config.getValueType());
    this.ticker = settings.getTicker();
    this.expiry = new ExpiryTimes(config.getExpiryPolicyFactory().create(), ticker);
    CacheLoader<K, V> loader =
        config.getCacheLoaderFactory() == null ? null : config.getCacheLoaderFactory().create();
    CacheWriter<K, V> writer = config.isWriteThrough() && config.getCacheWriterFactory() != null
        ? widen(config.getCacheWriterFactory().create())
        : null;
    this.external = new ExternalStore<>(loader, writer);
    this.events = new EventDispatcher<>(this);
    this.recorder = new OperationRecorder<>(statistics, events);
    this.table = new EntryTable<>(name, expiry, ticker, settings.getMaxSize(), settings.getEvictionPolicy(),
        EntryTags.of(name, settings.getTagger()), recorder::evicted);
    this.copier = config.isStoreByValue() ? Copier.serializing(classLoader) : Copier.IDENTITY;
    this.operations = new EntryOperations<>(table, expiry, external, config.isReadThrough() && loader != null,
        copier, checks, recorder);
    this.background = background;
    this.configuration = new LiveConfiguration<>(this, config, events, recorder, statistics);
    configuration.start();
  }

  /** A writer of supertypes of K and V writes K and V: only the wildcards differ. */
  @SuppressWarnings("unchecked")
  private static <K, V> CacheWriter<K, V> widen(CacheWriter<? super K, ? super V> writer) {
    return (CacheWriter<K, V>) writer;
  }

  // ---- reads and loading ------------------------------------------------------------------------------

  @Override
  public V get(K key) {
    return forKey(key).get(key);
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    return forKeys(keys).getAll(keys);
  }

  @Override
  public boolean containsKey(K key) {
    return forKey(key).containsKey(key);
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    EntryOperations<K, V> loading = forKeys(keys);
    if (!external.hasLoader()) {
      if (listener != null) {
        listener.onCompletion();
      }
      return;
    }
    List<K> requested = new ArrayList<>(keys);
    background.execute(() -> {
      try {
        List<K> toLoad = new ArrayList<>();
        for (K key : requested) {
          if (replaceExistingValues || !containsKey(key)) {
            toLoad.add(key);
          }
        }
        if (!toLoad.isEmpty()) {
          loading.load(toLoad, replaceExistingValues);
        }
        if (listener != null) {
          listener.onCompletion();
        }
      } catch (Exception e) {
        if (listener != null) {
          listener.onException(e);
        }
      }
    });
  }

  // ---- writes -----------------------------------------------------------------------------------------

  @Override
  public void put(K key, V value) {
    forEntry(key, value).put(key, value);
  }

  @Override
  public V getAndPut(K key, V value) {
    return forEntry(key, value).getAndPut(key, value);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    forEntries(map).putAll(map);
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    return forEntry(key, value).putIfAbsent(key, value);
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    return forEntry(key, oldValue).replace(key, oldValue, requireValue(newValue));
  }

  @Override
  public boolean replace(K key, V value) {
    return forEntry(key, value).getAndReplace(key, value, false) != null;
  }

  @Override
  public V getAndReplace(K key, V value) {
    return forEntry(key, value).getAndReplace(key, value, true);
  }

  // ---- removals ---------------------------------------------------------------------------------------

  @Override
  public boolean remove(K key) {
    return forKey(key).remove(key);
  }

  @Override
  public boolean remove(K key, V oldValue) {
    return forEntry(key, oldValue).remove(key, oldValue);
  }

  @Override
  public V getAndRemove(K key) {
    return forKey(key).getAndRemove(key);
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    forKeys(keys).removeAll(new LinkedHashSet<>(keys));
  }

  @Override
  public void removeAll() {
    open().removeAll();
  }

  @Override
  public void clear() {
    open().clear();
  }

  // ---- entry processors -------------------------------------------------------------------------------

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    return forKey(key).invoke(key, requireProcessor(processor), arguments);
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    forKeys(keys);
    requireProcessor(processor);
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (Exception e) {
        EntryProcessorException failure =
            e instanceof EntryProcessorException processorFailure ? processorFailure : new EntryProcessorException(e);
        results.put(key, () -> {
          throw failure;
        });
      }
    }
    return results;
  }

  // ---- iteration --------------------------------------------------------------------------------------

  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    checkOpen();
    return new EntryIterator<>(table, expiry::now, copier, recorder::iterated, this::remove);
  }

  // ---- listeners, configuration, management -----------------------------------------------------------

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    checkOpen();
    Objects.requireNonNull(listenerConfiguration, "cacheEntryListenerConfiguration must not be null");
    configuration.register(listenerConfiguration);
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    checkOpen();
    Objects.requireNonNull(listenerConfiguration, "cacheEntryListenerConfiguration must not be null");
    configuration.deregister(listenerConfiguration);
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    Objects.requireNonNull(clazz, "clazz must not be null");
    CompleteConfiguration<K, V> snapshot = currentConfiguration();
    if (clazz.isInstance(snapshot)) {
      return clazz.cast(snapshot);
    }
    throw new IllegalArgumentException("the configuration of cache " + name + " is not a " + clazz.getName());
  }

  /** A copy of the configuration as it is now (statistics and management flags, listeners). */
  MutableConfiguration<K, V> currentConfiguration() {
    return configuration.snapshot();
  }

  void setStatisticsEnabled(boolean enabled) {
    configuration.statisticsEnabled(enabled);
  }

  void setManagementEnabled(boolean enabled) {
    configuration.managementEnabled(enabled);
  }

  /** This cache's statistics, whether or not they are being recorded. */
  public JCacheStatistics statistics() {
    return statistics;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  @Override
  public void close() {
    if (!configuration.close()) {
      return;
    }
    closed = true;
    manager.release(this);
    ManagementBeans.unregister(this, ManagementBeans.STATISTICS);
    ManagementBeans.unregister(this, ManagementBeans.CONFIGURATION);
    events.close();
    external.close();
    ListenerRegistration.closeQuietly(expiry.policy());
    table.clear();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz == dev.cachefn.Cache.class) {
      return clazz.cast(cacheFnView());
    }
    return Unwrapping.self(this, clazz, "cache " + name);
  }

  /**
   * The CacheFn {@link dev.cachefn.Cache} over this cache's entries (see {@link EntryStoreKeyspace}): tags,
   * patterns, statistics and events of CacheFn on the same entries. Made once; closing it leaves this
   * cache open.
   */
  private synchronized dev.cachefn.Cache<V> cacheFnView() {
    checkOpen();
    if (cacheFnView == null) {
      EntryStoreKeyspace<K, V> keyspace =
          new EntryStoreKeyspace<>(name, currentConfiguration().getKeyType(), table, expiry, copier);
      cacheFnView = keyspace.cache(ticker);
      recorder.attach(keyspace);
    }
    return cacheFnView;
  }

  @Override
  public String toString() {
    return "JCacheCache{name=" + name + ", manager=" + manager.getURI() + "}";
  }

  // ---- checks before the entries: closed (IllegalStateException), then the arguments (NPE, ClassCastException)

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("cache " + name + " is closed");
    }
  }

  /** The operations on the entries, once the cache is known to be open. */
  private EntryOperations<K, V> open() {
    checkOpen();
    return operations;
  }

  /** The operations on the entries, once the cache is open and {@code key} is not null. */
  private EntryOperations<K, V> forKey(K key) {
    checkOpen();
    requireKey(key);
    return operations;
  }

  /** The operations on the entries, once the cache is open and {@code keys} and each key are not null. */
  private EntryOperations<K, V> forKeys(Set<? extends K> keys) {
    checkOpen();
    requireKeys(keys);
    return operations;
  }

  /** The operations on the entries, once the cache is open and key and value are non-null, of its types. */
  private EntryOperations<K, V> forEntry(K key, V value) {
    checkOpen();
    checks.requireEntry(key, value);
    return operations;
  }

  /** The operations on the entries, once the cache is open and each entry of {@code map} is as forEntry asks. */
  private EntryOperations<K, V> forEntries(Map<? extends K, ? extends V> map) {
    checkOpen();
    Objects.requireNonNull(map, "map must not be null");
    map.forEach(checks::requireEntry);
    return operations;
  }

  private static <T> T requireProcessor(T processor) {
    return Objects.requireNonNull(processor, "entryProcessor must not be null");
  }
}
