package dev.cachefn.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheListener;
import dev.cachefn.Subscription;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The listeners of one cache, per event type. Registration copies an array (rare); delivery reads one
 * volatile field, so that a type nobody listens to costs one load and a bit test (the read hit path asks
 * on every hit).
 */
final class EventDispatcher<V> {

  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());
  private static final Registration<?>[] NONE = new Registration<?>[0];

  private final String cacheName;
  private volatile Registration<V>[][] byType;
  /** Bit {@code 1 << ordinal} set while {@link #byType} holds listeners of that type; written with it. */
  private volatile int wanted;

  @SuppressWarnings("unchecked")
  EventDispatcher(String cacheName) {
    this.cacheName = cacheName;
    Registration<V>[][] empty = new Registration[CacheEventType.values().length][];
    Arrays.fill(empty, NONE);
    this.byType = empty;
  }

  /** Whether any listener waits for {@code type}; check before building an event. */
  boolean wants(CacheEventType type) {
    return (wanted & (1 << type.ordinal())) != 0;
  }

  /** Publishes {@code next}; the caller holds this object's lock. */
  private void publish(Registration<V>[][] next) {
    int bits = 0;
    for (int ordinal = 0; ordinal < next.length; ordinal++) {
      if (next[ordinal].length != 0) {
        bits |= 1 << ordinal;
      }
    }
    byType = next;
    wanted = bits;
  }

  synchronized Subscription add(CacheEventType type, CacheListener<? super V> listener) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    Registration<V> registration = new Registration<>(type, listener);
    Registration<V>[][] next = byType.clone();
    Registration<V>[] current = next[type.ordinal()];
    Registration<V>[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = registration;
    next[type.ordinal()] = grown;
    publish(next);
    return () -> remove(registration);
  }

  /**
   * Removes the first registration of a listener equal to {@code listener}. The search runs on a snapshot,
   * without this object's lock: {@code equals} is the listener's own code.
   */
  boolean remove(CacheEventType type, CacheListener<? super V> listener) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    while (true) {
      Registration<V> found = null;
      for (Registration<V> registration : byType[type.ordinal()]) {
        if (registration.listener.equals(listener)) {
          found = registration;
          break;
        }
      }
      if (found == null) {
        return false;
      }
      if (remove(found)) {
        return true;
      }
      // removed by another thread meanwhile: look again for another equal registration
    }
  }

  private synchronized boolean remove(Registration<V> registration) {
    Registration<V>[][] next = byType.clone();
    Registration<V>[] current = next[registration.type.ordinal()];
    int index = Arrays.asList(current).indexOf(registration);
    if (index < 0) {
      return false;
    }
    Registration<V>[] shrunk = Arrays.copyOf(current, current.length - 1);
    System.arraycopy(current, index + 1, shrunk, index, current.length - index - 1);
    next[registration.type.ordinal()] = shrunk;
    publish(next);
    return true;
  }

  /** Delivers {@code event} to every listener of its type; a failing listener is logged and skipped. */
  void fire(CacheEvent<V> event) {
    for (Registration<V> registration : byType[event.type().ordinal()]) {
      try {
        registration.listener.onEvent(event);
      } catch (VirtualMachineError fatal) {
        throw fatal; // out of memory, stack overflow: not the listener's failure to swallow
      } catch (Throwable e) {
        registration.report(cacheName, e);
      }
    }
  }

  void fireEntry(CacheEventType type, String key, V value) {
    if (wants(type)) {
      fire(CacheEvent.ofEntry(type, cacheName, key, value));
    }
  }

  /** One listener for one type; reports its first failure with a stack trace, later ones briefly. */
  private static final class Registration<V> {
    final CacheEventType type;
    final CacheListener<? super V> listener;
    final AtomicBoolean failedBefore = new AtomicBoolean();

    Registration(CacheEventType type, CacheListener<? super V> listener) {
      this.type = type;
      this.listener = listener;
    }

    void report(String cacheName, Throwable failure) {
      String message = "A " + type + " listener of cache '" + cacheName + "' threw; the cache operation and"
          + " the other listeners went on. Listener: " + listener;
      if (failedBefore.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, message, failure);
      } else {
        LOG.log(Level.DEBUG, message + " (" + failure + ")");
      }
    }
  }
}
