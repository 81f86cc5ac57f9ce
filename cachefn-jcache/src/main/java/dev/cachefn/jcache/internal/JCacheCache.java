package dev.cachefn.jcache.internal;

import dev.cachefn.Ticker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * A JCache {@link Cache} of keys of any type, compared with {@code equals}/{@code hashCode}.
 *
 * <p>Entries live in a {@link ConcurrentHashMap} keyed by the keys themselves (copies of them when storing by
 * value). Every change of one key runs inside {@code ConcurrentHashMap.compute} for that key, so a write,
 * its write-through call, its expiry and its event decision are atomic per key; listeners are notified after
 * the key's lock is released. Expiry times come from a {@link Ticker}; an expired entry is never returned,
 * and is removed (with an {@code EXPIRED} event) by the first operation that finds it. Reads take no lock.
 *
 * <p>Thread-safe. After {@link #close()} every operation but {@link #isClosed()}, {@link #getName()},
 * {@link #getCacheManager()}, {@link #getConfiguration} and {@link #unwrap} throws
 * {@link IllegalStateException}.
 */
public final class JCacheCache<K, V> implements Cache<K, V> {

  private final JCacheManager manager;
  private final String name;
  private final MutableConfiguration<K, V> configuration;
  private final Class<?> keyType;
  private final Class<?> valueType;
  private final ExpiryTimes expiry;
  private final CacheLoader<K, V> loader;
  private final CacheWriter<K, V> writer;
  private final Copier copier;
  private final Executor background;
  private final ConcurrentHashMap<K, StoredEntry<V>> table = new ConcurrentHashMap<>();
  /** The LRU order that keeps the table within {@code maxSize}; null when unbounded. */
  private final SizeBound<K> bound;
  private final EventDispatcher<K, V> events;
  private final JCacheStatistics statistics = new JCacheStatistics();
  private final JCacheConfigurationBean configurationBean = new JCacheConfigurationBean(this);
  private volatile boolean statisticsEnabled;
  private volatile boolean closed;

  JCacheCache(JCacheManager manager, String name, CompleteConfiguration<K, V> config, ClassLoader classLoader,
      Ticker ticker, long maxSize, Executor background) {
    this.manager = manager;
    this.bound = maxSize == Long.MAX_VALUE ? null : new SizeBound<>(maxSize);
    this.name = name;
    this.configuration = new MutableConfiguration<>(config);
    this.keyType = config.getKeyType();
    this.valueType = config.getValueType();
    this.expiry = new ExpiryTimes(config.getExpiryPolicyFactory().create(), ticker);
    this.loader = config.getCacheLoaderFactory() == null ? null : config.getCacheLoaderFactory().create();
    this.writer = config.isWriteThrough() && config.getCacheWriterFactory() != null
        ? widen(config.getCacheWriterFactory().create())
        : null;
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
    Effects<K, V> effects = new Effects<>();
    V value = getOrLoad(key, effects);
    finish(effects);
    statistics.getTime(elapsed(start));
    return value;
  }

  private V getOrLoad(K key, Effects<K, V> effects) {
    V value = readLive(key, effects);
    if (value != null || !configuration.isReadThrough() || loader == null) {
      return value;
    }
    V loaded = load(key);
    if (loaded != null) {
      storeLoaded(key, loaded, false, effects);
    }
    return loaded;
  }

  /** The live value under {@code key} (a copy when storing by value), counting a hit or a miss. */
  private V readLive(K key, Effects<K, V> effects) {
    StoredEntry<V> entry = table.get(key);
    if (entry != null) {
      long now = expiry.now();
      if (!entry.isExpiredAt(now)) {
        effects.hits++;
        entry.expireAt(expiry.forAccess(now));
        if (bound != null) {
          bound.accessed(key);
        }
        return copier.copy(entry.value);
      }
      boolean[] removed = {false};
      table.computeIfPresent(key, (k, current) -> {
        if (current != entry) {
          return current;
        }
        removed[0] = true;
        if (bound != null) {
          bound.removed(k);
        }
        return null;
      });
      if (removed[0]) {
        effects.expired(key, entry.value);
      }
    }
    effects.misses++;
    return null;
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    checkOpen();
    requireKeys(keys);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
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
    if (!missing.isEmpty() && configuration.isReadThrough() && loader != null) {
      Map<K, V> loaded = loadAll(missing);
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
    StoredEntry<V> entry = table.get(key);
    return entry != null && !entry.isExpiredAt(expiry.now());
  }

  // ---- loading ----------------------------------------------------------------------------------------

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    checkOpen();
    requireKeys(keys);
    if (loader == null) {
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
          Effects<K, V> effects = new Effects<>();
          loadAll(toLoad).forEach((key, value) -> {
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

  private V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("loading the value of key " + key + " failed", e);
    }
  }

  private Map<K, V> loadAll(List<K> keys) {
    try {
      Map<K, V> loaded = loader.loadAll(keys);
      return loaded == null ? Map.of() : loaded;
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("loading " + keys.size() + " values failed", e);
    }
  }

  /** Stores a value the loader gave: created when absent, replaced only if {@code replaceExisting}. */
  private void storeLoaded(K key, V value, boolean replaceExisting, Effects<K, V> effects) {
    checkTypes(key, value);
    computeLive(copier.copy(key), effects, (k, live, now) -> {
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
    requireEntry(key, value);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    computeLive(copier.copy(key), effects, (k, live, now) -> {
      writeThrough(k, value);
      return store(k, live, value, now, effects);
    });
    finish(effects);
    statistics.putTime(elapsed(start));
  }

  @Override
  public V getAndPut(K key, V value) {
    checkOpen();
    requireEntry(key, value);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    Object[] previous = new Object[1];
    computeLive(copier.copy(key), effects, (k, live, now) -> {
      writeThrough(k, value);
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
    map.forEach(this::requireEntry);
    long start = startTimer();
    Map<K, V> toStore = new HashMap<>(map);
    RuntimeException failure = null;
    if (writer != null && !toStore.isEmpty()) {
      List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(toStore.size());
      toStore.forEach((key, value) -> pending.add(new JCacheEntry<>(key, value)));
      try {
        writer.writeAll(pending);
      } catch (Exception e) {
        failure = e instanceof CacheWriterException writerFailure ? writerFailure : new CacheWriterException(e);
        for (Cache.Entry<? extends K, ? extends V> notWritten : pending) {
          toStore.remove(notWritten.getKey());
        }
      }
    }
    Effects<K, V> effects = new Effects<>();
    toStore.forEach((key, value) ->
        computeLive(copier.copy(key), effects, (k, live, now) -> store(k, live, value, now, effects)));
    finish(effects);
    statistics.putTime(elapsed(start));
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    checkOpen();
    requireEntry(key, value);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    boolean[] stored = new boolean[1];
    computeLive(copier.copy(key), effects, (k, live, now) -> {
      if (live != null) {
        effects.hits++;
        return live;
      }
      effects.misses++;
      writeThrough(k, value);
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
    requireEntry(key, oldValue);
    requireValue(newValue);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    boolean[] replaced = new boolean[1];
    computeLive(key, effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
        return null;
      }
      effects.hits++;
      if (!live.value.equals(oldValue)) {
        live.expireAt(expiry.forAccess(now));
        return live;
      }
      writeThrough(k, newValue);
      replaced[0] = true;
      return store(k, live, newValue, now, effects);
    });
    finish(effects);
    statistics.putTime(elapsed(start));
    return replaced[0];
  }

  @Override
  public boolean replace(K key, V value) {
    checkOpen();
    requireEntry(key, value);
    return getAndReplace(key, value, false) != null;
  }

  @Override
  public V getAndReplace(K key, V value) {
    checkOpen();
    requireEntry(key, value);
    return getAndReplace(key, value, true);
  }

  /** Replaces a live entry; returns its old value (a copy only if {@code copy}), or null when absent. */
  private V getAndReplace(K key, V value, boolean copy) {
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    Object[] previous = new Object[1];
    computeLive(key, effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
        return null;
      }
      effects.hits++;
      writeThrough(k, value);
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
    Effects<K, V> effects = new Effects<>();
    boolean[] removed = new boolean[1];
    computeLive(key, effects, (k, live, now) -> {
      deleteThrough(k);
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
    requireEntry(key, oldValue);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    boolean[] removed = new boolean[1];
    computeLive(key, effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
        return null;
      }
      effects.hits++;
      if (!live.value.equals(oldValue)) {
        live.expireAt(expiry.forAccess(now));
        return live;
      }
      deleteThrough(k);
      removed[0] = true;
      effects.removals++;
      effects.removed(k, live.value);
      return null;
    });
    finish(effects);
    statistics.removeTime(elapsed(start));
    return removed[0];
  }

  @Override
  public V getAndRemove(K key) {
    checkOpen();
    requireKey(key);
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    Object[] previous = new Object[1];
    computeLive(key, effects, (k, live, now) -> {
      deleteThrough(k);
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
    removeKeys(new LinkedHashSet<>(table.keySet()));
  }

  private void removeKeys(Set<K> keys) {
    long start = startTimer();
    RuntimeException failure = null;
    if (writer != null && !keys.isEmpty()) {
      List<Object> pending = new ArrayList<>(keys);
      try {
        writer.deleteAll(pending);
      } catch (Exception e) {
        failure = e instanceof CacheWriterException writerFailure ? writerFailure : new CacheWriterException(e);
        keys.removeAll(new HashSet<>(pending));
      }
    }
    Effects<K, V> effects = new Effects<>();
    for (K key : keys) {
      computeLive(key, effects, (k, live, now) -> {
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
    clearTable();
  }

  private void clearTable() {
    if (bound == null) {
      table.clear();
      return;
    }
    for (K key : table.keySet()) {
      table.computeIfPresent(key, (k, entry) -> {
        bound.removed(k);
        return null;
      });
    }
  }

  // ---- entry processors -------------------------------------------------------------------------------

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    checkOpen();
    requireKey(key);
    Objects.requireNonNull(processor, "entryProcessor must not be null");
    long start = startTimer();
    Effects<K, V> effects = new Effects<>();
    Object[] result = new Object[1];
    computeLive(copier.copy(key), effects, (k, live, now) -> {
      if (live == null) {
        effects.misses++;
      } else {
        effects.hits++;
      }
      ProcessorEntry<K, V> entry = new ProcessorEntry<>(
          k, live == null ? null : copier.copy(live.value),
          configuration.isReadThrough() && loader != null ? this::load : null);
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
        checkTypes(key, entry.value());
        writeThrough(key, entry.value());
        return store(key, live, entry.value(), now, effects);
      case LOADED:
        return store(key, live, entry.value(), now, effects);
      case REMOVED:
        deleteThrough(key);
        effects.removals++;
        effects.removed(key, live.value);
        return null;
      case DELETED_ABSENT:
        deleteThrough(key);
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

  // ---- the table --------------------------------------------------------------------------------------

  /** One step of an operation on one key, run under that key's lock with the key's live entry (or null). */
  @FunctionalInterface
  private interface KeyStep<K, V> {
    StoredEntry<V> apply(K key, StoredEntry<V> live, long now);
  }

  /**
   * Runs {@code step} atomically for {@code key}: an expired entry is first removed (an {@code EXPIRED}
   * event) and passed as null; the step's answer becomes the key's entry (null: none).
   */
  private void computeLive(K key, Effects<K, V> effects, KeyStep<K, V> step) {
    boolean[] created = {false};
    table.compute(key, (k, current) -> {
      long now = expiry.now();
      StoredEntry<V> live = current;
      if (live != null && live.isExpiredAt(now)) {
        effects.expired(k, live.value);
        live = null;
      }
      StoredEntry<V> next = step.apply(k, live, now);
      if (bound != null) {
        if (next == null) {
          bound.removed(k);
        } else if (current == null) {
          created[0] = true;
          bound.created(k);
        } else {
          bound.accessed(k);
        }
      }
      return next;
    });
    if (created[0]) {
      evictWhileOver();
    }
  }

  /**
   * Evicts least recently used entries until the table is within {@code maxSize}. An eviction is no removal:
   * no event, no write-through; it counts in the statistics' evictions.
   */
  private void evictWhileOver() {
    K victim;
    while ((victim = bound.victim()) != null) {
      boolean[] evicted = {false};
      table.compute(victim, (k, entry) -> {
        evicted[0] = entry != null;
        bound.removed(k); // under the key's lock: a concurrent re-creation of the key is ordered after this
        return null;
      });
      if (evicted[0] && statisticsEnabled) {
        statistics.evictions(1);
      }
    }
  }

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

  private void writeThrough(K key, V value) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(new JCacheEntry<>(key, value));
    } catch (CacheWriterException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheWriterException("writing key " + key + " through failed", e);
    }
  }

  private void deleteThrough(K key) {
    if (writer == null) {
      return;
    }
    try {
      writer.delete(key);
    } catch (CacheWriterException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheWriterException("deleting key " + key + " through failed", e);
    }
  }

  private void finish(Effects<K, V> effects) {
    if (statisticsEnabled) {
      statistics.hits(effects.hits);
      statistics.misses(effects.misses);
      statistics.puts(effects.puts);
      statistics.removals(effects.removals);
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
    Iterator<Map.Entry<K, StoredEntry<V>>> entries = table.entrySet().iterator();
    return new Iterator<>() {
      private Map.Entry<K, StoredEntry<V>> next;
      private K last;

      @Override
      public boolean hasNext() {
        while (next == null && entries.hasNext()) {
          Map.Entry<K, StoredEntry<V>> candidate = entries.next();
          if (!candidate.getValue().isExpiredAt(expiry.now())) {
            next = candidate;
          }
        }
        return next != null;
      }

      @Override
      public Cache.Entry<K, V> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Map.Entry<K, StoredEntry<V>> entry = next;
        next = null;
        last = entry.getKey();
        if (statisticsEnabled) {
          statistics.hits(1);
        }
        StoredEntry<V> stored = entry.getValue();
        stored.expireAt(expiry.forAccess(expiry.now()));
        if (bound != null) {
          bound.accessed(entry.getKey());
        }
        return new JCacheEntry<>(copier.copy(entry.getKey()), copier.copy(stored.value));
      }

      @Override
      public void remove() {
        if (last == null) {
          throw new IllegalStateException("next() was not called, or remove() was already called for it");
        }
        JCacheCache.this.remove(last);
        last = null;
      }
    };
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
    ListenerRegistration.closeQuietly(loader);
    ListenerRegistration.closeQuietly(writer);
    ListenerRegistration.closeQuietly(expiry.policy());
    clearTable();
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
    throw new IllegalArgumentException("cache " + name + " cannot be unwrapped to " + clazz.getName());
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

  private static void requireKey(Object key) {
    Objects.requireNonNull(key, "key must not be null");
  }

  private static void requireValue(Object value) {
    Objects.requireNonNull(value, "value must not be null");
  }

  private void requireEntry(K key, V value) {
    requireKey(key);
    requireValue(value);
    checkTypes(key, value);
  }

  private static void requireKeys(Collection<?> keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    for (Object key : keys) {
      requireKey(key);
    }
  }

  private void checkTypes(Object key, Object value) {
    if (!keyType.isInstance(key)) {
      throw new ClassCastException(
          "cache " + name + " holds keys of type " + keyType.getName() + ", got " + key.getClass().getName());
    }
    if (!valueType.isInstance(value)) {
      throw new ClassCastException(
          "cache " + name + " holds values of type " + valueType.getName() + ", got " + value.getClass().getName());
    }
  }

  private long startTimer() {
    return statisticsEnabled ? System.nanoTime() : 0;
  }

  private long elapsed(long start) {
    return statisticsEnabled && start != 0 ? System.nanoTime() - start : 0;
  }
}
