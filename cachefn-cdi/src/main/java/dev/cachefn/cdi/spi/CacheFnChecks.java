package dev.cachefn.cdi.spi;

import dev.cachefn.cdi.internal.DeploymentChecks;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;

/**
 * The start-up checks of CacheFn's annotations and configuration, which the portable extension runs on Weld and a
 * runtime that runs no portable extension calls itself (the Quarkus extension, from its build steps and its
 * recorder), so that every container fails a broken application with the same messages, each naming the method
 * or property.
 *
 * <p>Feed one instance every bean class and method that carries a CacheFn annotation and every
 * {@code @CacheName} value, then read {@link #problems()} and {@link #keyGeneratorProblems}; the cache names and
 * memoized methods it {@link #found()} are what {@link #configurationProblems} checks. Thread-safe.
 */
public interface CacheFnChecks {

  /** A new, empty set of checks. */
  static CacheFnChecks create() {
    return new DeploymentChecks();
  }

  /** Rejects {@code @Memoize} and the invalidation annotations on a bean class (they go on methods). */
  void checkClass(Class<?> type);

  /** Checks the {@code @Memoize} and invalidation annotations of {@code method}, if it has any. */
  void checkMethod(Method method);

  /** Records the value of a {@code @CacheName} found at {@code where} (an injection point), rejecting a blank one. */
  void checkCacheName(String value, Object where);

  /** The problems found so far, one message each; empty when all is well. */
  List<String> problems();

  /** What the checks found so far besides problems. */
  Found found();

  /**
   * What the checks found besides problems, copied when read.
   *
   * @param cacheNames the caches that injection points and annotations name
   * @param memoizedMethods the {@code <class>.<method>} names of the {@code @Memoize} methods, as configuration
   *     names them
   * @param writeTimeCaches the caches that a {@code @Memoize} with freshness settings ({@code refreshAfter} and
   *     the like) uses: they store write times even without configured freshness settings
   */
  record Found(Set<String> cacheNames, Set<String> memoizedMethods, Set<String> writeTimeCaches) {

    /** Copies the sets. */
    public Found {
      cacheNames = Set.copyOf(cacheNames);
      memoizedMethods = Set.copyOf(memoizedMethods);
      writeTimeCaches = Set.copyOf(writeTimeCaches);
    }
  }

  /**
   * Tells the cache registry, at run time, the {@link Found#writeTimeCaches()} that a check at build time found, before
   * the caches are made (an integration that checks at build time, as Quarkus does; one application per class
   * loader).
   */
  static void useWriteTimeCaches(Set<String> names) {
    DeploymentChecks.useWriteTimeCaches(names);
  }

  /**
   * The key generators named by annotations that can be neither looked up nor made: no bean of the class (as
   * {@code isBean} says) and no no-argument constructor. One message each, naming a method that uses it.
   */
  List<String> keyGeneratorProblems(Predicate<Class<?>> isBean);

  /**
   * The caches that {@code cachefn.cache.<name>.*} properties name: with {@link Found#cacheNames()}, the caches to
   * create at start-up.
   *
   * @param serverWideKeys whether keys set as JVM system properties or environment variables count: yes where
   *     the process runs one application (Quarkus); no on a server that runs several, where such a key may be
   *     meant for another application
   */
  static Set<String> configuredCaches(Config config, boolean serverWideKeys) {
    return DeploymentChecks.configuredCaches(config, serverWideKeys);
  }

  /**
   * Checks every {@code cachefn.*} property of {@code config}, and the settings of the named caches.
   *
   * @param cacheNames the caches the application names ({@link Found#cacheNames()})
   * @param memoizedMethods the memoized methods ({@link Found#memoizedMethods()})
   * @return one message per problem, each starting {@code CacheFn configuration: } and naming the property
   */
  static List<String> configurationProblems(Config config, Set<String> cacheNames, Set<String> memoizedMethods) {
    return DeploymentChecks.configurationProblems(config, cacheNames, memoizedMethods);
  }
}
