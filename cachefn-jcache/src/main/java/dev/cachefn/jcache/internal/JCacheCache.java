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
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache {@link Cache} of keys of any type, compared with {@code equals}/{@code hashCode}.
 *
 * <p>Entries live in an {@link EntryTable} keyed by the keys themselves (copies of them when storing by
 * value). Every change of one key is one {@link KeyStep} run atomically for that key, so a write, its
 * write-through call ({@link ExternalStore}), its expiry and its event decision are atomic per key;
 * listeners are notified after the key's lock is released. Expiry times come from a {@link Ticker}; an
 * expired entry is never returned. Reads take no lock.
 *
 * <p>Thread-safe. After {@link #close()} every operation but {@link #isClosed()}, {@link #getName()},
 * {@link #getCacheManager()}, {@link #getConfiguration} and {@link #unwrap} throws
 * {@link IllegalStateException}.
 */
public final class JCacheCache<K, V> implements Cache<K, V> {

  private final JCacheManager manager;
  private final String name;
  private final MutableConfiguration<K, V> configuration;
  private final EntryChecks checks;
  private final ExpiryTimes expiry;
  private final ExternalStore<K, V> external;
  private final boolean readThrough;
  private final Copier copier;
  private final Executor background;
  private final EntryTable<K, V> table;
  private final EventDispatcher<K, V> events;
  private final JCacheStatistics statistics = new JCacheStatistics();
  private final JCacheConfigurationBean configurationBean = new JCacheConfigurationBean(this);
  private volatile boolean statisticsEnabled;
  private volatile boolean closed;
  /** The CacheFn view, made on the first {@code unwrap(dev.cachefn.Cache.class)}; guarded by this. */
  private dev.cachefn.Cache<V> cacheFnView;
  private volatile EntryStoreKeyspace<K, V> viewKeyspace;
  private final Ticker ticker;

  JCacheCache(JCacheManager manager, String name, CompleteConfiguration<K, V> config, ClassLoader classLoader,
      CacheFnConfiguration<K, V> settings, Executor background) {
    this.manager = manager;
    this.name = name;
    this.configuration = new MutableConfiguration<>(config);
    this.checks = new EntryChecks(name, config.getKeyType(), config.getValueType());
    this.ticker = settings.getTicker();
    this.expiry = new ExpiryTimes(config.getExpiryPolicyFactory().create(), ticker);
    CacheLoader<K, V> loader =
        config.getCacheLoaderFactory() == null ? null : config.getCacheLoaderFactory().create();
    CacheWriter<K, V> writer = config.isWriteThrough() && config.getCacheWriterFactory() != null
        ? widen(config.getCacheWriterFactory().create())
        : null;
    this.external = new ExternalStore<>(loader, writer);
    this.readThrough = config.isReadThrough() && loader != null;
    this.table = new EntryTable<>(name, expiry, ticker, settings.getMaxSize(), settings.getEvictionPolicy(),
        EntryTags.of(name, settings.getTagger()), (key, entry) -> {
          if (statisticsEnabled) {
            statistics.evictions(1);
          }
          EntryStoreKeyspace<K, V> view = viewKeyspace;
          if (view != null) {
            view.evicted(key, entry);
          }
        });
    this.copier = config.isStoreByValue() ? Copier.serializing(classLoader) : Copier.IDENTITY;
    this.background = background;
    this.events = new EventDispatcher<>(this);
    for (CacheEntryListenerConfiguration<K, V> listener : config.getCacheEntryListenerConfigurations()) {
      events.register(listener);
    }
    setStatisticsEnabled(config.isStatisticsEnabled());
    setManagementEnabled(config.isManagementEnabled());
  }

  /** A writer of supertypes of K and V writes K and V: only the wildcards differ. */
  @SuppressWarnings("unchecked")
  private static <K, V> CacheWriter<K, V> widen(CacheWriter<? super K, ? super V> writer) {
    return (CacheWriter<K, V>) writer;
  }

  // ---- reads ------------------------------------------------------------------------------------------

  @Override
  public V get(K key) {
    checkOpen();
    requireKey(key);
    long start = startTimer();
    Effects<K, V> effects = effects();
    V value = getOrLoad(key, effects);
    finish(effects);
    statistics.getTime(elapsed(start));
    return value;
  }

  private V getOrLoad(K key, Effects<K, V> effects) {
    V value = readLive(key, effects);
    if (value != null || !readThrough) {
      return value;
    }
    V loaded = external.load(key);
    if (loaded != null) {
      storeLoaded(key, loaded, false, effects);
    }
    return loaded;
  }

  /** The live value under {@code key} (a copy when storing by value), counting a hit or a miss. */
  private V readLive(K key, Effects<K, V> effects) {
    StoredEntry<V> entry = table.read(key, effects);
    if (entry == null) {
      effects.misses++;
      return null;
    }
    effects.hits++;
    return copier.copy(entry.value);
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    checkOpen();
    requireKeys(keys);
    long start = startTimer();
    Effects<K, V> effects = effects();
    Map<K, V> result = new HashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      V value = readLive(key, effects);
      if (value != null) {
        result.put(key, value);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty() && readThrough) {
      Map<K, V> loaded = external.loadAll(missing);
      loaded.forEach((key, value) -> {
        if (key != null && value != null) {
          storeLoaded(key, value, false, effects);
          result.put(key, value);
        }
      });
    }
    finish(effects);
    statistics.getTime(elapsed(start));
    return result;
  }

  @Override
  public boolean containsKey(K key) {
    checkOpen();
    requireKey(key);
    return table.contains(key);
  }

  // ---- loading ----------------------------------------------------------------------------------------

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    checkOpen();
    requireKeys(keys);
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
          Effects<K, V> effects = effects();
          external.loadAll(toLoad).forEach((key, value) -> {
            if (key != null && value != null) {
              storeLoaded(key, value, replaceExistingValues, effects);
            }
          });
          finish(effects);
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

  /** Stores a value the loader gave: created when absent, replaced only if {@code replaceExisting}. */
  private void storeLoaded(K key, V value, boolean replaceExisting, Effects<K, V> effects) {
    checks.checkTypes(key, value);
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      if (live != null && !replaceExisting) {
        return live;
      }
      return store(k, live, value, now, effects);
    });
  }

  // ---- writes -----------------------------------------------------------------------------------------

  @Override
  public void put(K key, V value) {
    checkOpen();
    checks.requireEntry(key, value);
    long start = startTimer();
    Effects<K, V> effects = effects();
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      external.write(k, value);
      return store(k, live, value, now, effects);
    });
    finish(effects);
    statistics.putTime(elapsed(start));
  }

  @Override
  public V getAndPut(K key, V value) {
    checkOpen();
    checks.requireEntry(key, value);
    long start = startTimer();
    Effects<K, V> effects = effects();
    Object[] previous = new Object[1];
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      external.write(k, value);
      if (live == null) {
        effects.misses++;
      } else {
        effects.hits++;
        previous[0] = live.value;
      }
      return store(k, live, value, now, effects);
    });
    finish(effects);
    long time = elapsed(start);
    statistics.getTime(time);
    statistics.putTime(time);
    return copyOf(previous[0]);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    checkOpen();
    Objects.requireNonNull(map, "map must not be null");
    map.forEach(checks::requireEntry);
    long start = startTimer();
    Map<K, V> toStore = new HashMap<>(map);
    CacheWriterException failure = external.writeAll(toStore);
    Effects<K, V> effects = effects();
    toStore.forEach((key, value) ->
        table.compute(copier.copy(key), effects, (k, live, now) -> store(k, live, value, now, effects)));
    finish(effects);
    statistics.putTime(elapsed(start));
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    checkOpen();
    checks.requireEntry(key, value);
    long start = startTimer();
    Effects<K, V> effects = effects();
    boolean[] stored = new boolean[1];
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      if (live != null) {
        effects.hits++;
        return live;
      }
      effects.misses++;
      external.write(k, value);
      stored[0] = true;
      return store(k, null, value, now, effects);
    });
    finish(effects);
    statistics.putTime(elapsed(start));
    return stored[0];
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    checkOpen();
    checks.requireEntry(key, oldValue);
    requireValue(newValue);
    long start = startTimer();
    Effects<K, V> effects = effects();
    boolean replaced = whenLiveEquals(key, oldValue, effects, (k, live, now) -> {
      external.write(k, newValue);
      return store(k, live, newValue, now, effects);
    });
    finish(effects);
    statistics.putTime(elapsed(start));
    return replaced;
  }

  @Override
  public boolean replace(K key, V value) {
    checkOpen();
    checks.requireEntry(key, value);
    return getAndReplace(key, value, false) != null;
  }

  @Override
  public V getAndReplace(K key, V value) {
    checkOpen();
    checks.requireEntry(key, value);
    return getAndReplace(key, value, true);
  }

  /** Replaces a live entry; returns its old value (a copy only if {@code copy}), or null when absent. */
  private V getAndReplace(K key, V value, boolean copy) {
    long start = startTimer();
    Effects<K, V> effects = effects();
    Object[] previous = new Object[1];
    table.compute(key, effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
        return null;
      }
      effects.hits++;
      external.write(k, value);
      previous[0] = live.value;
      return store(k, live, value, now, effects);
    });
    finish(effects);
    long time = elapsed(start);
    statistics.getTime(time);
    statistics.putTime(time);
    @SuppressWarnings("unchecked")
    V old = (V) previous[0];
    return copy ? copyOf(old) : old;
  }

  // ---- removals ---------------------------------------------------------------------------------------

  @Override
  public boolean remove(K key) {
    checkOpen();
    requireKey(key);
    long start = startTimer();
    Effects<K, V> effects = effects();
    boolean[] removed = new boolean[1];
    table.compute(key, effects, (k, live, now) -> {
      external.delete(k);
      if (live != null) {
        removed[0] = true;
        effects.removals++;
        effects.removed(k, live.value);
      }
      return null;
    });
    finish(effects);
    statistics.removeTime(elapsed(start));
    return removed[0];
  }

  @Override
  public boolean remove(K key, V oldValue) {
    checkOpen();
    checks.requireEntry(key, oldValue);
    long start = startTimer();
    Effects<K, V> effects = effects();
    boolean removed = whenLiveEquals(key, oldValue, effects, (k, live, now) -> {
      external.delete(k);
      effects.removals++;
      effects.removed(k, live.value);
      return null;
    });
    finish(effects);
    statistics.removeTime(elapsed(start));
    return removed;
  }

  @Override
  public V getAndRemove(K key) {
    checkOpen();
    requireKey(key);
    long start = startTimer();
    Effects<K, V> effects = effects();
    Object[] previous = new Object[1];
    table.compute(key, effects, (k, live, now) -> {
      external.delete(k);
      if (live == null) {
        effects.misses++;
        return null;
      }
      effects.hits++;
      effects.removals++;
      effects.removed(k, live.value);
      previous[0] = live.value;
      return null;
    });
    finish(effects);
    long time = elapsed(start);
    statistics.getTime(time);
    statistics.removeTime(time);
    @SuppressWarnings("unchecked")
    V old = (V) previous[0];
    return copyOf(old);
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    checkOpen();
    requireKeys(keys);
    removeKeys(new LinkedHashSet<>(keys));
  }

  @Override
  public void removeAll() {
    checkOpen();
    removeKeys(table.keys());
  }

  private void removeKeys(Set<K> keys) {
    long start = startTimer();
    CacheWriterException failure = external.deleteAll(keys);
    Effects<K, V> effects = effects();
    for (K key : keys) {
      table.compute(key, effects, (k, live, now) -> {
        if (live != null) {
          effects.removals++;
          effects.removed(k, live.value);
        }
        return null;
      });
    }
    finish(effects);
    statistics.removeTime(elapsed(start));
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void clear() {
    checkOpen();
    table.clear();
  }

  // ---- entry processors -------------------------------------------------------------------------------

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    checkOpen();
    requireKey(key);
    Objects.requireNonNull(processor, "entryProcessor must not be null");
    long start = startTimer();
    Effects<K, V> effects = effects();
    Object[] result = new Object[1];
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
      } else {
        effects.hits++;
      }
      ProcessorEntry<K, V> entry = new ProcessorEntry<>(
          k, live == null ? null : copier.copy(live.value),
          readThrough ? external::load : null);
      try {
        result[0] = processor.process(entry, arguments);
      } catch (EntryProcessorException e) {
        throw e;
      } catch (Exception e) {
        throw new EntryProcessorException(e);
      }
      return applyProcessed(k, live, entry, now, effects);
    });
    finish(effects);
    statistics.getTime(elapsed(start));
    @SuppressWarnings("unchecked")
    T typed = (T) result[0];
    return typed;
  }

  private StoredEntry<V> applyProcessed(K key, StoredEntry<V> live, ProcessorEntry<K, V> entry, long now,
      Effects<K, V> effects) {
    switch (entry.outcome()) {
      case WRITTEN:
        checks.checkTypes(key, entry.value());
        external.write(key, entry.value());
        return store(key, live, entry.value(), now, effects);
      case LOADED:
        return store(key, live, entry.value(), now, effects);
      case REMOVED:
        external.delete(key);
        effects.removals++;
        effects.removed(key, live.value);
        return null;
      case DELETED_ABSENT:
        external.delete(key);
        return null;
      case ACCESSED:
        live.expireAt(expiry.forAccess(now));
        return live;
      default:
        return live;
    }
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(
      Set<? extends K> keys, EntryProcessor<K, V, T> processor, Object... arguments) {
    checkOpen();
    requireKeys(keys);
    Objects.requireNonNull(processor, "entryProcessor must not be null");
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

  /**
   * Runs {@code onMatch} for {@code key} if its live value equals {@code expected} (a hit); a live entry with
   * another value only counts as accessed (a hit, its expiry moved by the access policy); none is a miss.
   * Returns whether {@code onMatch} ran to completion.
   */
  private boolean whenLiveEquals(K key, V expected, Effects<K, V> effects, KeyStep<K, V> onMatch) {
    boolean[] matched = new boolean[1];
    table.compute(key, effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
        return null;
      }
      effects.hits++;
      if (!live.value.equals(expected)) {
        live.expireAt(expiry.forAccess(now));
        return live;
      }
      StoredEntry<V> next = onMatch.apply(k, live, now);
      matched[0] = true;
      return next;
    });
    return matched[0];
  }

  // ---- writing one entry -----------------------------------------------------------------------------

  /**
   * The entry that holds {@code value} after a write: a creation when {@code live} is null (null, so not
   * stored, if the creation expiry is zero), else an update. Records the put and its event.
   */
  private StoredEntry<V> store(K key, StoredEntry<V> live, V value, long now, Effects<K, V> effects) {
    if (live == null) {
      long expiresAt = expiry.forCreation(now);
      if (ExpiryTimes.isExpired(expiresAt, now)) {
        return null;
      }
      effects.puts++;
      effects.created(key, value);
      return new StoredEntry<>(copier.copy(value), expiresAt);
    }
    long expiresAt = expiry.forUpdate(now);
    effects.puts++;
    effects.updated(key, value, live.value);
    return new StoredEntry<>(copier.copy(value), expiresAt == ExpiryTimes.UNCHANGED ? live.expiresAt() : expiresAt);
  }

  /** The effects of one operation; events are kept only while some listener is registered. */
  private Effects<K, V> effects() {
    return new Effects<>(!events.isEmpty());
  }

  private void finish(Effects<K, V> effects) {
    if (statisticsEnabled) {
      statistics.hits(effects.hits);
      statistics.misses(effects.misses);
      statistics.puts(effects.puts);
      statistics.removals(effects.removals);
    }
    EntryStoreKeyspace<K, V> view = viewKeyspace;
    if (view != null) {
      view.counted(effects.hits, effects.misses);
    }
    events.dispatch(effects.events());
  }

  private V copyOf(Object value) {
    @SuppressWarnings("unchecked")
    V typed = (V) value;
    return typed == null ? null : copier.copy(typed);
  }

  // ---- iteration --------------------------------------------------------------------------------------

  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    checkOpen();
    Runnable hit = () -> {
      if (statisticsEnabled) {
        statistics.hits(1);
      }
    };
    return new EntryIterator<>(table, expiry::now, copier, hit, this::remove);
  }

  // ---- listeners, configuration, management -----------------------------------------------------------

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    checkOpen();
    Objects.requireNonNull(listenerConfiguration, "cacheEntryListenerConfiguration must not be null");
    synchronized (configuration) {
      events.register(listenerConfiguration);
      configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
    }
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    checkOpen();
    Objects.requireNonNull(listenerConfiguration, "cacheEntryListenerConfiguration must not be null");
    synchronized (configuration) {
      events.deregister(listenerConfiguration);
      configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
    }
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
    synchronized (configuration) {
      return new MutableConfiguration<>(configuration);
    }
  }

  void setStatisticsEnabled(boolean enabled) {
    synchronized (configuration) {
      configuration.setStatisticsEnabled(enabled);
      statisticsEnabled = enabled;
      if (enabled) {
        ManagementBeans.register(statistics, this, ManagementBeans.STATISTICS);
      } else {
        ManagementBeans.unregister(this, ManagementBeans.STATISTICS);
      }
    }
  }

  void setManagementEnabled(boolean enabled) {
    synchronized (configuration) {
      configuration.setManagementEnabled(enabled);
      if (enabled) {
        ManagementBeans.register(configurationBean, this, ManagementBeans.CONFIGURATION);
      } else {
        ManagementBeans.unregister(this, ManagementBeans.CONFIGURATION);
      }
    }
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
    synchronized (configuration) {
      if (closed) {
        return;
      }
      closed = true;
    }
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
    if (clazz.isAssignableFrom(getClass())) {
      return clazz.cast(this);
    }
    if (clazz == dev.cachefn.Cache.class) {
      return clazz.cast(cacheFnView());
    }
    throw new IllegalArgumentException("cache " + name + " cannot be unwrapped to " + clazz.getName());
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
          new EntryStoreKeyspace<>(name, configuration.getKeyType(), table, expiry, copier);
      cacheFnView = keyspace.cache(ticker);
      viewKeyspace = keyspace;
    }
    return cacheFnView;
  }

  @Override
  public String toString() {
    return "JCacheCache{name=" + name + ", manager=" + manager.getURI() + "}";
  }

  // ---- checks and timing ------------------------------------------------------------------------------

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("cache " + name + " is closed");
    }
  }

  private long startTimer() {
    return statisticsEnabled ? System.nanoTime() : 0;
  }

  private long elapsed(long start) {
    return statisticsEnabled && start != 0 ? System.nanoTime() - start : 0;
  }
}
