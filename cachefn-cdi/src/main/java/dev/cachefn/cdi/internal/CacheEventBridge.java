package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheListener;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.spi.ObservedCacheEvents;
import dev.cachefn.cdi.spi.BindingCacheName;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Fires a cache's events as CDI events qualified {@code @CacheName(name) @CacheEventKind(type)} (and
 * {@link BindingCacheName}{@code (name)}, for containers that select observers by cache through it), to
 * {@code @Observes} and {@code @ObservesAsync} observers.
 *
 * <p>The observers are resolved once per cache and event kind, when the cache is created, from those the
 * extension saw at start-up: a kind that no observer wants gets no listener on the cache, so it costs nothing.
 * (Observers are fixed once the container has started, so the resolution cannot go stale.) An observer that throws is logged by the cache and never
 * breaks the cache operation; a failed asynchronous delivery is logged here.
 */
@ApplicationScoped
class CacheEventBridge {

  private static final System.Logger LOG = System.getLogger(CacheEventBridge.class.getName());
  private static final TypeLiteral<CacheEvent<Object>> EVENT_TYPE = new TypeLiteral<>() {};

  private final Map<String, Set<CacheEventType>> connected = new ConcurrentHashMap<>();

  @Inject Instance<CacheFnExtension> extension;
  @Inject Instance<ObservedCacheEvents> observedByRuntime;
  @Inject Event<Object> events;

  /**
   * The observers the extension collected, or those a runtime integration found at build time (Quarkus);
   * {@code null} without either, then every kind is delivered.
   */
  private @Nullable ObservedCacheEvents observers;

  @PostConstruct
  void start() {
    if (extension.isResolvable()) {
      observers = extension.get().cacheEventObservers();
    } else if (observedByRuntime.isResolvable()) {
      observers = observedByRuntime.get();
    }
  }

  /** Subscribes {@code cache} to CDI delivery for each event kind that has observers. */
  void connect(Cache<Object> cache) {
    String name = cache.name();
    Set<CacheEventType> kinds = EnumSet.noneOf(CacheEventType.class);
    for (CacheEventType type : CacheEventType.values()) {
      Annotation[] qualifiers =
          {CacheName.Literal.of(name), CacheEventKind.Literal.of(type), BindingCacheName.Literal.of(name)};
      boolean sync = observers == null || observers.wanted(name, type, false);
      boolean async = observers == null || observers.wanted(name, type, true);
      if (sync || async) {
        kinds.add(type);
        Event<CacheEvent<Object>> event = events.select(EVENT_TYPE, qualifiers);
        cache.on(type, new Delivery(name, type, event, sync, async));
      }
    }
    connected.put(name, Set.copyOf(kinds));
  }

  /** The event kinds that cache {@code name} delivers to CDI observers; for tests and diagnostics. */
  Set<CacheEventType> connectedKinds(String name) {
    return connected.getOrDefault(name, Set.of());
  }

  /** The cache listener that fires one kind of a cache's events to its CDI observers. */
  private record Delivery(String cacheName, CacheEventType type, Event<CacheEvent<Object>> event, boolean sync,
      boolean async) implements CacheListener<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public void onEvent(CacheEvent<?> e) {
      CacheEvent<Object> typed = (CacheEvent<Object>) e;
      if (async) {
        event.fireAsync(typed).exceptionally(failure -> {
          LOG.log(Level.WARNING, "An asynchronous observer of " + type + " events of cache '" + cacheName
              + "' failed; the cache operation went on", failure);
          return typed;
        });
      }
      if (sync) {
        event.fire(typed); // an observer's exception is logged by the cache, which goes on
      }
    }

    @Override
    public String toString() {
      return "CDI observers of " + type + " events of cache '" + cacheName + "'";
    }
  }
}
