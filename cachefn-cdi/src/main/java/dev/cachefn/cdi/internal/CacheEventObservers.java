package dev.cachefn.cdi.internal;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.spi.ObservedCacheEvents;
import dev.cachefn.cdi.spi.BindingCacheName;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The application's observers of {@link CacheEvent}, collected by the extension while the container
 * starts, and matched against a cache's name and an event kind the way CDI matches the qualifiers
 * {@code @CacheName(name) @CacheEventKind(kind)} that the events are fired with (CDI's own resolution
 * through {@code BeanManager.resolveObserverMethods} rejects the generic event class).
 */
final class CacheEventObservers implements ObservedCacheEvents {

  /** What matters about one observer. */
  private record Observer(Set<Annotation> qualifiers, boolean async) {}

  private final List<Observer> observers = new CopyOnWriteArrayList<>();

  /** Records {@code observer} if it may receive cache events. */
  void add(ObserverMethod<?> observer) {
    if (observesCacheEvents(observer.getObservedType())) {
      observers.add(new Observer(Set.copyOf(observer.getObservedQualifiers()), observer.isAsync()));
    }
  }

  private static boolean observesCacheEvents(Type observed) {
    Type raw = observed instanceof ParameterizedType parameterized ? parameterized.getRawType() : observed;
    return raw instanceof Class<?> type && type.isAssignableFrom(CacheEvent.class);
  }

  @Override
  public boolean wanted(String cacheName, CacheEventType kind, boolean async) {
    for (Observer observer : observers) {
      if (observer.async() == async && matches(observer.qualifiers(), cacheName, kind)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Set<Annotation> qualifiers, String cacheName, CacheEventType kind) {
    for (Annotation qualifier : qualifiers) {
      if (qualifier instanceof CacheName name) {
        if (!name.value().equals(cacheName)) {
          return false;
        }
      } else if (qualifier instanceof BindingCacheName name) {
        if (!name.value().equals(cacheName)) {
          return false;
        }
      } else if (qualifier instanceof CacheEventKind eventKind) {
        if (eventKind.value() != kind) {
          return false;
        }
      } else if (!(qualifier instanceof Any) && !(qualifier instanceof Default)) {
        return false; // a qualifier the events are never fired with
      }
    }
    return true;
  }

  /** The {@code @CacheName} value an observer asks for, or {@code null}. */
  static @Nullable String cacheNameOf(ObserverMethod<?> observer) {
    for (Annotation qualifier : observer.getObservedQualifiers()) {
      if (qualifier instanceof CacheName name) {
        return name.value();
      }
    }
    return null;
  }
}
