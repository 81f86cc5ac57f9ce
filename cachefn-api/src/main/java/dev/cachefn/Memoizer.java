package dev.cachefn;

import dev.cachefn.internal.Memoization;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Memoizes functions: caches their results by argument, with a TTL, a size bound, tags and a custom key.
 *
 * <pre>{@code
 * MemoizedFunction<Long, User> findUser = Memoizer.builder("findUser")
 *     .ttl(Duration.ofMinutes(5))
 *     .maxSize(1_000)
 *     .tags("users")
 *     .function(repository::find);
 * findUser.apply(42L);   // runs repository.find(42) once, then serves the cached user
 * findUser.clear();
 * }</pre>
 *
 * <p>By default a memoizer has a cache of its own. With {@link Builder#cache(Cache)} it stores its results in
 * an existing cache instead, under keys {@code <name>:<arguments>}, so that tag and pattern invalidations of
 * that cache reach them. The default key of an argument is its {@code toString()} (escaped, so that distinct
 * argument lists never share a key); an argument type that keeps {@link Object#toString()} is rejected,
 * because its key would change with every instance: pass a key generator for it. Results are fetched with
 * {@link Cache#getOrFetch}, so concurrent calls with equal arguments run the function once; a {@code null}
 * result and a thrown exception are passed on and not cached.
 */
public final class Memoizer {

  private Memoizer() {}

  /** Starts a memoizer named {@code name}; the name prefixes its keys and names its own cache. */
  public static Builder builder(String name) {
    return new Builder(CacheOptions.requireName(name, "name"));
  }

  /** Collects a memoizer's settings, then wraps a function. Not thread-safe. */
  public static final class Builder {

    private final String name;
    private @Nullable Duration ttl;
    private long maxSize = CacheOptions.DEFAULT_MAX_SIZE;
    private boolean maxSizeSet;
    private Set<String> tags = Set.of();
    private Ticker ticker = Ticker.system();
    private @Nullable Cache<?> cache;
    private @Nullable Duration fetchTimeout;

    private Builder(String name) {
      this.name = name;
    }

    /** How long a result stays cached; must be positive. Default: the cache's default TTL. */
    public Builder ttl(Duration ttl) {
      this.ttl = SetOptions.requirePositive(ttl, "ttl");
      return this;
    }

    /** The most results kept (own cache only); at least 1. Default {@value CacheOptions#DEFAULT_MAX_SIZE}. */
    public Builder maxSize(long maxSize) {
      this.maxSize = CacheOptions.requireMaxSize(maxSize, "memoizer '" + name + "'");
      this.maxSizeSet = true;
      return this;
    }

    /** Tags every cached result carries, for {@link Cache#invalidateByTag}. */
    public Builder tags(String... tags) {
      Objects.requireNonNull(tags, "tags must not be null");
      this.tags = SetOptions.checkTags(Arrays.asList(tags));
      return this;
    }

    /**
     * How long a call waits for the same arguments' call already under way in another thread, and how long
     * an asynchronous call may run before it is abandoned; see {@link CacheBuilder#fetchTimeout}. Default:
     * the cache's fetch timeout.
     */
    public Builder fetchTimeout(Duration fetchTimeout) {
      this.fetchTimeout = SetOptions.requirePositive(fetchTimeout, "fetchTimeout");
      return this;
    }

    /** The time source of the memoizer's own cache; for tests. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
      return this;
    }

    /**
     * Stores results in {@code cache} instead of a cache of the memoizer's own. The cache's values must be
     * of the memoized function's result type.
     */
    public Builder cache(Cache<?> cache) {
      this.cache = Objects.requireNonNull(cache, "cache must not be null");
      return this;
    }

    /** Memoizes {@code function}, keyed by its argument's {@code toString()}. */
    public <T extends @Nullable Object, R extends @Nullable Object> MemoizedFunction<T, R> function(
        Function<? super T, ? extends R> function) {
      Objects.requireNonNull(function, "function must not be null");
      return memoization().function(function, null);
    }

    /** Memoizes {@code function}; {@code keyGenerator} turns an argument into the whole cache key. */
    public <T extends @Nullable Object, R extends @Nullable Object> MemoizedFunction<T, R> function(
        Function<? super T, ? extends R> function, Function<? super T, String> keyGenerator) {
      Objects.requireNonNull(function, "function must not be null");
      Objects.requireNonNull(keyGenerator, "keyGenerator must not be null");
      return memoization().function(function, keyGenerator);
    }

    /** Memoizes {@code function}, keyed by both arguments' {@code toString()}. */
    public <T extends @Nullable Object, U extends @Nullable Object, R extends @Nullable Object>
        MemoizedBiFunction<T, U, R> biFunction(BiFunction<? super T, ? super U, ? extends R> function) {
      Objects.requireNonNull(function, "function must not be null");
      return memoization().biFunction(function, null);
    }

    /** Memoizes {@code function}; {@code keyGenerator} turns the arguments into the whole cache key. */
    public <T extends @Nullable Object, U extends @Nullable Object, R extends @Nullable Object>
        MemoizedBiFunction<T, U, R> biFunction(
            BiFunction<? super T, ? super U, ? extends R> function,
            BiFunction<? super T, ? super U, String> keyGenerator) {
      Objects.requireNonNull(function, "function must not be null");
      Objects.requireNonNull(keyGenerator, "keyGenerator must not be null");
      return memoization().biFunction(function, keyGenerator);
    }

    /** Memoizes {@code supplier} under the key {@code <name>}. */
    public <R extends @Nullable Object> MemoizedSupplier<R> supplier(Supplier<? extends R> supplier) {
      Objects.requireNonNull(supplier, "supplier must not be null");
      return memoization().supplier(supplier);
    }

    /** Memoizes an asynchronous {@code function}: caches completed results, never failures. */
    public <T extends @Nullable Object, R extends @Nullable Object> MemoizedAsyncFunction<T, R> asyncFunction(
        Function<? super T, ? extends CompletionStage<R>> function) {
      Objects.requireNonNull(function, "function must not be null");
      return memoization().asyncFunction(function, null);
    }

    /** Memoizes an asynchronous {@code function} with a key generator; see {@link #function(Function, Function)}. */
    public <T extends @Nullable Object, R extends @Nullable Object> MemoizedAsyncFunction<T, R> asyncFunction(
        Function<? super T, ? extends CompletionStage<R>> function, Function<? super T, String> keyGenerator) {
      Objects.requireNonNull(function, "function must not be null");
      Objects.requireNonNull(keyGenerator, "keyGenerator must not be null");
      return memoization().asyncFunction(function, keyGenerator);
    }

    private Memoization memoization() {
      Cache<?> target = cache;
      if (target != null) {
        if (maxSizeSet) {
          throw new IllegalStateException("maxSize applies to a memoizer's own cache; memoizer '" + name
              + "' uses cache '" + target.name() + "', whose maxSize is set on the cache");
        }
        return new Memoization(name, target, false, options());
      }
      Cache<?> own = CacheFn.builder(name).maxSize(maxSize).ticker(ticker).build();
      return new Memoization(name, own, true, options());
    }

    /** The TTL, tags and fetch timeout of every result. */
    private SetOptions options() {
      SetOptions options = SetOptions.tags(tags);
      if (ttl != null) {
        options = options.withTtl(ttl);
      }
      return fetchTimeout != null ? options.withFetchTimeout(fetchTimeout) : options;
    }
  }
}
