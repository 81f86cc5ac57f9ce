package dev.cachefn.jcache.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;

/**
 * Delivers a cache's entry events to its registered listeners.
 *
 * <p>Synchronous listeners run on the calling thread before the operation returns; the first failure is
 * rethrown to the caller as a {@link CacheEntryListenerException} after every listener was called.
 * Asynchronous listeners run on one thread per cache, so each sees the events in the order they happened;
 * their failures are logged. Thread-safe.
 */
final class EventDispatcher<K, V> {

  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final Cache<K, V> source;
  private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private volatile ExecutorService async;

  EventDispatcher(Cache<K, V> source) {
    this.source = source;
  }

  boolean isEmpty() {
    return registrations.isEmpty();
  }

  /**
   * Builds the listener (its factories are the application's code, run with no lock held) and registers it.
   *
   * @throws IllegalArgumentException if an equal configuration is already registered
   */
  void register(CacheEntryListenerConfiguration<K, V> configuration) {
    ListenerRegistration<K, V> added = null;
    while (true) {
      List<ListenerRegistration<K, V>> seen = List.copyOf(registrations);
      if (find(seen, configuration) != null) {
        if (added != null) {
          added.close();
        }
        throw new IllegalArgumentException("this listener configuration is already registered");
      }
      if (added == null) {
        added = new ListenerRegistration<>(configuration);
      }
      synchronized (registrations) {
        if (registrations.equals(seen)) { // nothing registered meanwhile: the check above still holds
          registrations.add(added);
          return;
        }
      }
    }
  }

  void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    ListenerRegistration<K, V> found = find(List.copyOf(registrations), configuration);
    if (found != null && registrations.remove(found)) {
      found.close(); // the listener's own close(), after the removal and with no lock held
    }
  }

  /** The registration of a configuration equal to {@code configuration}; compared with no lock held. */
  private static <K, V> ListenerRegistration<K, V> find(
      List<ListenerRegistration<K, V>> candidates, CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : candidates) {
      if (registration.configuration.equals(configuration)) {
        return registration;
      }
    }
    return null;
  }

  /** Announces {@code events}, in order, to every interested listener. */
  void dispatch(List<PendingEvent<K, V>> events) {
    if (events.isEmpty() || registrations.isEmpty()) {
      return;
    }
    RuntimeException failure = null;
    for (ListenerRegistration<K, V> registration : registrations) {
      for (PendingEvent<K, V> pending : events) {
        if (!registration.listensTo(pending.type())) {
          continue;
        }
        JCacheEntryEvent<K, V> event = new JCacheEntryEvent<>(
            source, pending.type(), pending.key(), pending.value(), pending.oldValue(),
            registration.isOldValueRequired() || carriesOldValue(pending.type()));
        if (registration.isSynchronous()) {
          try {
            registration.deliver(event);
          } catch (RuntimeException e) {
            if (failure == null) {
              failure = e;
            }
          }
        } else {
          deliverLater(registration, event);
        }
      }
    }
    if (failure != null) {
      throw failure instanceof CacheEntryListenerException listenerFailure
          ? listenerFailure
          : new CacheEntryListenerException(failure);
    }
  }

  /** Removal and expiry events always carry the value that left (their value is that old value). */
  private static boolean carriesOldValue(EventType type) {
    return type == EventType.REMOVED || type == EventType.EXPIRED;
  }

  private void deliverLater(ListenerRegistration<K, V> registration, JCacheEntryEvent<K, V> event) {
    try {
      asyncExecutor().execute(() -> {
        try {
          registration.deliver(event);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "asynchronous cache entry listener failed", e);
        }
      });
    } catch (RejectedExecutionException closed) {
      // the cache closed meanwhile: its listeners are gone
    }
  }

  private ExecutorService asyncExecutor() {
    ExecutorService executor = async;
    if (executor == null) {
      synchronized (this) {
        executor = async;
        if (executor == null) {
          executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cachefn-jcache-events-" + source.getName());
            thread.setDaemon(true);
            return thread;
          });
          async = executor;
        }
      }
    }
    return executor;
  }

  /** Stops asynchronous delivery after the events already queued, and closes the listeners. */
  void close() {
    ExecutorService executor;
    synchronized (this) {
      executor = async;
    }
    if (executor != null) {
      executor.shutdown();
    }
    registrations.forEach(ListenerRegistration::close);
    registrations.clear();
  }
}
