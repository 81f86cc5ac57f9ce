package dev.cachefn.cdi.internal;

import dev.cachefn.CacheBuilder;
import dev.cachefn.CacheFn;
import dev.cachefn.CacheOptions;
import dev.cachefn.Freshness;
import dev.cachefn.Ticker;
import dev.cachefn.spi.StorageProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

/**
 * Reads the settings of named caches and memoized methods from MicroProfile Config.
 *
 * <p>{@code cachefn.cache.<name>.<key>} applies to one cache, {@code cachefn.default.<key>} to every cache
 * that does not set the key itself. Keys: {@code max-size}, {@code default-ttl}, {@code storage},
 * {@code stats-enabled}, {@code eviction-policy}, {@code fetch-timeout}, {@code refresh-after},
 * {@code stale-while-revalidate}, {@code stale-if-error}, {@code negative-ttl},
 * {@code distributed-single-flight}, and (per cache only) {@code namespace}. {@code cachefn.memoize.<class>.<method>.ttl} overrides the TTL of
 * one {@code @Memoize} method. Every problem is
 * reported with the full property name, the allowed values and the value found. Strict about what the
 * application's own sources say; a {@code cachefn.memoize.*} key set server-wide (system property or
 * environment variable) that names none of this application's methods is logged and ignored, since another
 * application on the same server may own it.
 */
final class CacheConfiguration {

  private static final System.Logger LOG = System.getLogger(CacheConfiguration.class.getName());

  static final String CACHE_PREFIX = "cachefn.cache.";
  static final String DEFAULTS_PREFIX = "cachefn.default.";
  static final String MEMOIZE_PREFIX = "cachefn.memoize.";
  static final String MEMOIZE_TTL_SUFFIX = ".ttl";
  static final String MAX_SIZE = "max-size";
  static final String DEFAULT_TTL = "default-ttl";
  static final String NAMESPACE = "namespace";
  static final String STORAGE = "storage";
  static final String STATS = "stats-enabled";
  static final String EVICTION_POLICY = "eviction-policy";
  static final String FETCH_TIMEOUT = "fetch-timeout";
  static final String REFRESH_AFTER = "refresh-after";
  static final String STALE_WHILE_REVALIDATE = "stale-while-revalidate";
  static final String STALE_IF_ERROR = "stale-if-error";
  static final String NEGATIVE_TTL = "negative-ttl";
  static final String SINGLE_FLIGHT = "distributed-single-flight";

  private static final List<String> CACHE_KEYS = List.of(MAX_SIZE, DEFAULT_TTL, NAMESPACE, STORAGE, STATS,
      EVICTION_POLICY, FETCH_TIMEOUT, REFRESH_AFTER, STALE_WHILE_REVALIDATE, STALE_IF_ERROR, NEGATIVE_TTL,
      SINGLE_FLIGHT);
  private static final List<String> FRESHNESS_KEYS =
      List.of(REFRESH_AFTER, STALE_WHILE_REVALIDATE, STALE_IF_ERROR, NEGATIVE_TTL);
  private static final List<String> DEFAULT_KEYS = List.of(MAX_SIZE, DEFAULT_TTL, STORAGE, STATS, EVICTION_POLICY,
      FETCH_TIMEOUT, REFRESH_AFTER, STALE_WHILE_REVALIDATE, STALE_IF_ERROR, NEGATIVE_TTL, SINGLE_FLIGHT);

  private final Config config;
  private final PropertyValues values;

  CacheConfiguration(Config config, Set<String> storages) {
    this.config = config;
    this.values = new PropertyValues(config, storages);
  }

  /** Reads {@code config}, with the storages that {@link StorageProviders} finds. */
  CacheConfiguration(Config config) {
    this(config, StorageProviders.names());
  }

  /**
   * The settings of cache {@code name}, with its storage by name.
   *
   * @throws IllegalArgumentException naming the first bad property
   */
  CacheOptions options(String name, Ticker ticker) {
    CacheBuilder builder = builder(name, ticker);
    try {
      return builder.options();
    } catch (IllegalArgumentException refreshNotBeforeTtl) { // the only check left to options(): see Freshness
      String own = CACHE_PREFIX + name + "." + REFRESH_AFTER;
      String property = values.text(own) != null ? own : DEFAULTS_PREFIX + REFRESH_AFTER;
      throw new IllegalArgumentException("property " + property + ": " + refreshNotBeforeTtl.getMessage(),
          refreshNotBeforeTtl);
    }
  }

  /**
   * A builder with the settings of cache {@code name}, and its storage by name ({@link #storageOf}).
   *
   * @throws IllegalArgumentException naming the first bad property
   */
  CacheBuilder builder(String name, Ticker ticker) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a cache name must not be blank");
    }
    CacheBuilder builder = CacheFn.builder(name).ticker(ticker);
    ifSet(setting(name, MAX_SIZE, values::maxSize), builder::maxSize);
    ifSet(setting(name, DEFAULT_TTL, values::duration), builder::defaultTtl);
    String namespace = values.text(CACHE_PREFIX + name + "." + NAMESPACE);
    if (namespace != null) {
      if (namespace.isBlank()) {
        throw new IllegalArgumentException(
            "property " + CACHE_PREFIX + name + "." + NAMESPACE + " must not be blank");
      }
      builder.namespace(namespace.trim());
    }
    builder.storage(storageOf(name));
    ifSet(setting(name, STATS, values::bool), builder::recordStats);
    ifSet(setting(name, EVICTION_POLICY, values::evictionPolicy), builder::evictionPolicy);
    ifSet(setting(name, FETCH_TIMEOUT, values::duration), builder::fetchTimeout);
    ifSet(freshness(name), builder::freshness);
    ifSet(setting(name, SINGLE_FLIGHT, values::bool), builder::distributedSingleFlight);
    return builder;
  }

  /** The cache's freshness settings, each its own else the default's; {@code null} when none is configured. */
  private @Nullable Freshness freshness(String name) {
    Duration refreshAfter = setting(name, REFRESH_AFTER, values::duration);
    Duration staleWhileRevalidate = setting(name, STALE_WHILE_REVALIDATE, values::duration);
    Duration staleIfError = setting(name, STALE_IF_ERROR, values::duration);
    Duration negativeTtl = setting(name, NEGATIVE_TTL, values::duration);
    Freshness freshness = new Freshness(refreshAfter, staleWhileRevalidate, staleIfError, negativeTtl);
    return freshness.isNone() ? null : freshness;
  }

  /**
   * The TTL configured for the memoized method {@code methodName} ({@code <class>.<method>}), or {@code null}.
   *
   * @throws IllegalArgumentException naming the property if its value is not a positive duration
   */
  @Nullable Duration memoizeTtl(String methodName) {
    return values.duration(MEMOIZE_PREFIX + methodName + MEMOIZE_TTL_SUFFIX);
  }

  /**
   * Checks every {@code cachefn.*} property: the defaults, every configured cache and the key names, so that
   * a typo such as {@code max-sise} fails at start-up too.
   *
   * @param moreNames caches the application uses, to check even when no property names them
   * @param memoizedMethods the {@code <class>.<method>} names of the {@code @Memoize} methods: a
   *     {@code cachefn.memoize.*} property must name one of them
   * @return one message per problem; empty when all is well
   */
  List<String> problems(Set<String> moreNames, Set<String> memoizedMethods) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>(moreNames);
    names.addAll(namedCaches(true));
    for (String property : config.getPropertyNames()) {
      if (property.startsWith(CACHE_PREFIX)) {
        if (cacheNameOf(property) == null) {
          problems.add("unknown property " + property + "; a cache is configured with " + CACHE_PREFIX
              + "<name>.<key> where <key> is one of " + CACHE_KEYS);
        }
      } else if (property.startsWith(MEMOIZE_PREFIX)) {
        String method = property.endsWith(MEMOIZE_TTL_SUFFIX)
            ? property.substring(MEMOIZE_PREFIX.length(), property.length() - MEMOIZE_TTL_SUFFIX.length())
            : "";
        if (method.isEmpty()) {
          problems.add("unknown property " + property + "; the TTL of a memoized method is configured with "
              + MEMOIZE_PREFIX + "<class>.<method>" + MEMOIZE_TTL_SUFFIX);
        } else if (!memoizedMethods.contains(method) && isServerWide(property)) {
          LOG.log(System.Logger.Level.WARNING, "Ignoring " + property + ": it names no @Memoize method of this"
              + " application, and is set server-wide (a system property or environment variable), so it may"
              + " belong to another application on this server");
        } else if (!memoizedMethods.contains(method)) {
          problems.add("property " + property + " names no @Memoize method; " + method + " must be"
              + " <fully qualified class>.<method> of one of " + new TreeSet<>(memoizedMethods));
        } else {
          check(problems, () -> memoizeTtl(method));
        }
      } else if (property.startsWith(DEFAULTS_PREFIX)) {
        String key = property.substring(DEFAULTS_PREFIX.length());
        if (!DEFAULT_KEYS.contains(key)) {
          problems.add("unknown property " + property + "; the defaults of all caches are " + DEFAULTS_PREFIX
              + "<key> where <key> is one of " + DEFAULT_KEYS);
        }
      }
    }
    check(problems, () -> values.maxSize(DEFAULTS_PREFIX + MAX_SIZE));
    check(problems, () -> values.duration(DEFAULTS_PREFIX + DEFAULT_TTL));
    check(problems, () -> values.storage(DEFAULTS_PREFIX + STORAGE));
    check(problems, () -> values.bool(DEFAULTS_PREFIX + STATS));
    check(problems, () -> values.evictionPolicy(DEFAULTS_PREFIX + EVICTION_POLICY));
    check(problems, () -> values.duration(DEFAULTS_PREFIX + FETCH_TIMEOUT));
    check(problems, () -> values.bool(DEFAULTS_PREFIX + SINGLE_FLIGHT));
    FRESHNESS_KEYS.forEach(key -> check(problems, () -> values.duration(DEFAULTS_PREFIX + key)));
    for (String name : names) {
      check(problems, () -> options(name, Ticker.system()));
      check(problems, () -> freshness(name)); // reported even when another setting of the cache is bad
    }
    return problems;
  }

  /**
   * The storages that the caches use, each with what uses it ({@code cache 'users'}, or
   * {@code cachefn.default.storage}): what a {@link StorageRegistry} starts at deployment, so that a storage's
   * own settings (such as {@code cachefn.redis.uri}) and its server are checked then. Settings that are bad
   * are left out; {@link #problems} reports them.
   *
   * @param moreNames caches the application uses besides those its properties name
   */
  Map<String, Set<String>> storageUsers(Set<String> moreNames) {
    Set<String> names = new TreeSet<>(moreNames);
    names.addAll(namedCaches(true));
    Map<String, Set<String>> users = new TreeMap<>();
    for (String name : names) {
      try {
        users.computeIfAbsent(storageOf(name), storage -> new TreeSet<>()).add("cache '" + name + "'");
      } catch (IllegalArgumentException reported) {
        // already among the problems
      }
    }
    try {
      String fallback = values.storage(DEFAULTS_PREFIX + STORAGE);
      if (fallback != null) {
        users.computeIfAbsent(fallback, storage -> new TreeSet<>()).add(DEFAULTS_PREFIX + STORAGE);
      }
    } catch (IllegalArgumentException reported) {
      // among the problems
    }
    return users;
  }

  /**
   * The caches that this application's configuration names ({@code cachefn.cache.<name>.<key>}); keys set
   * server-wide are left out, as they may configure another application's caches.
   */
  Set<String> configuredCaches() {
    return namedCaches(false);
  }

  /** The caches that {@code cachefn.cache.<name>.<key>} properties name, with or without server-wide keys. */
  Set<String> namedCaches(boolean serverWide) {
    Set<String> names = new TreeSet<>();
    for (String property : config.getPropertyNames()) {
      String name = cacheNameOf(property);
      if (name != null && (serverWide || !isServerWide(property))) {
        names.add(name);
      }
    }
    return names;
  }

  /** The {@code <name>} of a {@code cachefn.cache.<name>.<key>} property with a known key, else {@code null}. */
  private static @Nullable String cacheNameOf(String property) {
    if (!property.startsWith(CACHE_PREFIX)) {
      return null;
    }
    String rest = property.substring(CACHE_PREFIX.length());
    int dot = rest.lastIndexOf('.');
    return dot > 0 && CACHE_KEYS.contains(rest.substring(dot + 1)) ? rest.substring(0, dot) : null;
  }

  /**
   * Whether {@code property} is set for the whole server, as a JVM system property or an environment
   * variable: sources that every application on a server reads, unlike its own
   * {@code META-INF/microprofile-config.properties} or {@code application.properties}.
   */
  static boolean isServerWide(String property) {
    return System.getProperties().containsKey(property) || System.getenv().containsKey(property);
  }

  private static void check(List<String> problems, Runnable read) {
    try {
      read.run();
    } catch (IllegalArgumentException e) {
      if (!problems.contains(e.getMessage())) {
        problems.add(e.getMessage());
      }
    }
  }

  /**
   * Setting {@code key} of cache {@code name}: its own {@code cachefn.cache.<name>.<key>}, else
   * {@code cachefn.default.<key>}, each read by {@code read} (which checks it), else {@code null}.
   */
  private <T> @Nullable T setting(String name, String key, Function<String, @Nullable T> read) {
    T own = read.apply(CACHE_PREFIX + name + "." + key);
    return own != null ? own : read.apply(DEFAULTS_PREFIX + key);
  }

  private static <T> void ifSet(@Nullable T value, Consumer<T> apply) {
    if (value != null) {
      apply.accept(value);
    }
  }

  /** The name of the storage cache {@code name} uses: its own setting, else the default's, else memory. */
  String storageOf(String name) {
    String storage = setting(name, STORAGE, values::storage);
    return storage != null ? storage : CacheOptions.MEMORY_STORAGE;
  }
}
