package dev.cachefn.jcache.internal;

import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A cache's configuration as it changes while the cache runs: its listeners, and the statistics and
 * management switches with the MXBeans they register. Every change and every snapshot holds this object's
 * lock, so a snapshot ({@code getConfiguration}, the {@code CacheConfiguration} MXBean) never sees half a
 * change, and {@link #close()} is ordered with the switches; a listener is built and closed outside it.
 * Thread-safe.
 */
final class LiveConfiguration<K, V> {

  private final JCacheCache<K, V> cache;
  private final MutableConfiguration<K, V> configuration;
  private final EventDispatcher<K, V> events;
  private final OperationRecorder<K, V> recorder;
  private final JCacheStatistics statistics;
  private final JCacheConfigurationBean configurationBean;
  private boolean closed;

  LiveConfiguration(JCacheCache<K, V> cache, CompleteConfiguration<K, V> initial, EventDispatcher<K, V> events,
      OperationRecorder<K, V> recorder, JCacheStatistics statistics) {
    this.cache = cache;
    this.configuration = new MutableConfiguration<>(initial);
    this.events = events;
    this.recorder = recorder;
    this.statistics = statistics;
    this.configurationBean = new JCacheConfigurationBean(cache);
    for (CacheEntryListenerConfiguration<K, V> listener : initial.getCacheEntryListenerConfigurations()) {
      events.register(listener);
    }
  }

  /** Applies the initial statistics and management switches (registers the MXBeans they ask for). */
  void start() {
    statisticsEnabled(configuration.isStatisticsEnabled());
    managementEnabled(configuration.isManagementEnabled());
  }

  /**
   * Builds and registers the listener, then lists it in the configuration. The listener's factories are the
   * application's code: they run before this object's lock is taken.
   *
   * @throws IllegalArgumentException if an equal listener configuration is already registered
   */
  void register(CacheEntryListenerConfiguration<K, V> listener) {
    events.register(listener);
    synchronized (this) {
      configuration.addCacheEntryListenerConfiguration(listener);
    }
  }

  /** Removes and closes the listener (its {@code close()} runs with no lock held), then unlists it. */
  void deregister(CacheEntryListenerConfiguration<K, V> listener) {
    events.deregister(listener);
    synchronized (this) {
      configuration.removeCacheEntryListenerConfiguration(listener);
    }
  }

  /** A copy of the configuration as it is now (statistics and management flags, listeners). */
  synchronized MutableConfiguration<K, V> snapshot() {
    return new MutableConfiguration<>(configuration);
  }

  synchronized void statisticsEnabled(boolean enabled) {
    configuration.setStatisticsEnabled(enabled);
    recorder.statisticsEnabled(enabled);
    if (enabled) {
      ManagementBeans.register(statistics, cache, ManagementBeans.STATISTICS);
    } else {
      ManagementBeans.unregister(cache, ManagementBeans.STATISTICS);
    }
  }

  synchronized void managementEnabled(boolean enabled) {
    configuration.setManagementEnabled(enabled);
    if (enabled) {
      ManagementBeans.register(configurationBean, cache, ManagementBeans.CONFIGURATION);
    } else {
      ManagementBeans.unregister(cache, ManagementBeans.CONFIGURATION);
    }
  }

  /** Marks the cache closed; true only for the first call, which should release the cache's resources. */
  synchronized boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }
}
