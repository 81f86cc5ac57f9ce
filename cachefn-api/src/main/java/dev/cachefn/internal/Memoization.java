package dev.cachefn.internal;

import dev.cachefn.Cache;
import dev.cachefn.MemoizedAsyncFunction;
import dev.cachefn.MemoizedBiFunction;
import dev.cachefn.MemoizedFunction;
import dev.cachefn.MemoizedSupplier;
import dev.cachefn.SetOptions;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The shared part of every memoized function: its cache, its key scheme and its write options. On a shared
 * cache each result also carries the tag {@code memoize:<name>}, so that {@code clear()} removes exactly
 * this function's results in O(results).
 */
public final class Memoization {

  private final String name;
  private final Cache<Object> cache;
  private final boolean ownCache;
  private final SetOptions options;
  private final String ownTag;

  /**
   * @param options the TTL, tags and fetch timeout of every result; on a shared cache the tag
   *     {@code memoize:<name>} is added
   */
  @SuppressWarnings("unchecked")
  public Memoization(String name, Cache<?> cache, boolean ownCache, SetOptions options) {
    this.name = name;
    this.cache = (Cache<Object>) cache;
    this.ownCache = ownCache;
    this.ownTag = "memoize:" + name;
    if (ownCache) {
      this.options = options;
    } else {
      Set<String> allTags = new LinkedHashSet<>(options.tags());
      allTags.add(ownTag);
      this.options = options.withTags(allTags);
    }
  }

  public <T, R> MemoizedFunction<T, R> function(
      Function<? super T, ? extends R> function, @Nullable Function<? super T, String> keyGenerator) {
    return new MemoizedFunction<>() {
      @Override
      public R apply(T argument) {
        String key = keyGenerator != null
            ? generated(keyGenerator.apply(argument), argument)
            : MemoKeys.of(name, argument);
        return fetch(key, () -> function.apply(argument));
      }

      @Override
      public boolean invalidate(T argument) {
        String key = keyGenerator != null
            ? generated(keyGenerator.apply(argument), argument)
            : MemoKeys.of(name, argument);
        return cache.delete(key);
      }

      @Override
      public void clear() {
        clearAll();
      }
    };
  }

  public <T, U, R> MemoizedBiFunction<T, U, R> biFunction(
      BiFunction<? super T, ? super U, ? extends R> function,
      @Nullable BiFunction<? super T, ? super U, String> keyGenerator) {
    return new MemoizedBiFunction<>() {
      @Override
      public R apply(T first, U second) {
        return fetch(key(first, second), () -> function.apply(first, second));
      }

      @Override
      public boolean invalidate(T first, U second) {
        return cache.delete(key(first, second));
      }

      private String key(T first, U second) {
        return keyGenerator != null
            ? generated(keyGenerator.apply(first, second), first + ", " + second)
            : MemoKeys.of(name, first, second);
      }

      @Override
      public void clear() {
        clearAll();
      }
    };
  }

  public <R> MemoizedSupplier<R> supplier(Supplier<? extends R> supplier) {
    return new MemoizedSupplier<>() {
      @Override
      public R get() {
        return fetch(name, supplier);
      }

      @Override
      public void clear() {
        clearAll();
      }
    };
  }

  public <T, R> MemoizedAsyncFunction<T, R> asyncFunction(
      Function<? super T, ? extends CompletionStage<R>> function,
      @Nullable Function<? super T, String> keyGenerator) {
    return new MemoizedAsyncFunction<>() {
      @Override
      @SuppressWarnings("unchecked")
      public CompletionStage<R> apply(T argument) {
        String key = key(argument);
        return (CompletionStage<R>) (CompletionStage<?>) cache.getOrFetchAsync(key, () -> function.apply(argument), options);
      }

      @Override
      public boolean invalidate(T argument) {
        return cache.delete(key(argument));
      }

      private String key(T argument) {
        return keyGenerator != null
            ? generated(keyGenerator.apply(argument), argument)
            : MemoKeys.of(name, argument);
      }

      @Override
      public void clear() {
        clearAll();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <R> R fetch(String key, Supplier<? extends R> call) {
    return (R) cache.getOrFetch(key, call, options);
  }

  private void clearAll() {
    if (ownCache) {
      cache.clear();
    } else {
      cache.invalidateByTag(ownTag);
    }
  }

  private String generated(@Nullable String key, @Nullable Object arguments) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("keyGenerator of memoizer '" + name + "' returned "
          + (key == null ? "null" : "an empty key") + " for arguments " + arguments);
    }
    return key;
  }
}
