package dev.cachefn.cdi;

import dev.cachefn.Cache;
import java.util.Set;

/**
 * Looks caches up by name, for code that learns the name at run time. An application-scoped bean:
 * {@code @Inject NamedCaches caches; Cache<User> users = caches.get("users");}
 *
 * <p>A cache is created on first use with the settings of MicroProfile Config
 * ({@code cachefn.cache.<name>.*}, then {@code cachefn.default.*}) and is the same instance that
 * {@code @Inject @CacheName(name)} gives. Every cache is {@linkplain Cache#close() closed} when the container
 * shuts down. Thread-safe.
 */
public interface NamedCaches {

  /**
   * Returns the cache named {@code name}, creating it on first use.
   *
   * @throws IllegalArgumentException if {@code name} is blank or its configuration is invalid (the message
   *     names the property)
   */
  <V> Cache<V> get(String name);

  /** The names of the caches created so far. */
  Set<String> names();
}
