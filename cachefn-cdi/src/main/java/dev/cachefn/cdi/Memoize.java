package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Caches a method's result by its arguments: a call whose key is cached returns the cached value without
 * running the method.
 *
 * <pre>{@code
 * @Memoize(cache = "users", ttl = "10m", tags = {"users", "user:{id}"})
 * User find(@CacheKey String id) { ... }
 * }</pre>
 *
 * <p>The key is made of the parameters marked {@link CacheKey} (all parameters when none is marked; a
 * method without parameters has one entry), each written by its {@code toString()}, or by a
 * {@link #keyGenerator()}. Concurrent calls with the same key run the method once (single flight); a thrown
 * exception reaches every waiting caller and is not cached; a {@code null} result is returned and not cached.
 *
 * <p>Return types: a plain value; an {@link java.util.Optional} (an empty one is not cached); a
 * {@link java.util.concurrent.CompletionStage} or {@link java.util.concurrent.CompletableFuture}, whose
 * completed value is cached and whose failure never is; a Mutiny {@code Uni} (when Mutiny is on the class
 * path), whose item is cached and whose failure never is: the returned {@code Uni} looks the key up when
 * subscribed and never blocks; a Kotlin {@code suspend} fun with {@code cachefn-kotlin}; any other type for which
 * a {@link dev.cachefn.cdi.spi.AsyncResultType} provider is registered. A {@code void} method, a tag template naming no
 * parameter, or a key parameter whose type keeps {@code Object}'s {@code toString()} or {@code equals()} fails
 * the deployment with a message naming the method.
 *
 * <p>Put it on methods of a CDI bean; the methods must not be private, static or final.
 */
@InterceptorBinding
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Memoize {

  /** The cache that holds the results; default {@code <fully qualified class name>.<method name>}. */
  @Nonbinding
  String cache() default "";

  /**
   * How long a result stays cached: ISO-8601 ({@code PT10M}) or {@code 500ms}, {@code 10s}, {@code 5m},
   * {@code 1h}, {@code 1d}. Default: the cache's {@code default-ttl}. The MicroProfile Config property
   * {@code cachefn.memoize.<fully qualified class>.<method>.ttl} (same forms) overrides it without a rebuild;
   * the class is the one that declares the method, and overloads share the property.
   */
  @Nonbinding
  String ttl() default "";

  /**
   * How long a call waits for the same key's call already under way in another thread before it fails with
   * {@link dev.cachefn.FetchTimeoutException}, and how long an asynchronous call ({@code CompletionStage},
   * {@code Uni}, {@code suspend}) may run before it is abandoned (its callers get that exception, the next
   * call runs the method again). Same forms as {@link #ttl()}. Default: the cache's {@code fetch-timeout}
   * ({@code cachefn.cache.<name>.fetch-timeout}, else {@code cachefn.default.fetch-timeout}, else 30 seconds).
   */
  @Nonbinding
  String fetchTimeout() default "";

  /**
   * Refresh-ahead: a call whose cached result is at least this old returns it at once and re-runs the method in
   * the background (once per key, on the container's managed executor when there is one); a failure keeps the
   * old result. Same forms as {@link #ttl()}; shorter than the TTL. Default: the cache's {@code refresh-after}.
   * Any of the four freshness attributes makes the cache store write times (see {@link dev.cachefn.Freshness}).
   */
  @Nonbinding
  String refreshAfter() default "";

  /**
   * For this long after the TTL, a call returns the expired result at once and re-runs the method in the
   * background. Same forms as {@link #ttl()}. Default: the cache's {@code stale-while-revalidate}.
   */
  @Nonbinding
  String staleWhileRevalidate() default "";

  /**
   * For this long after the TTL, a call whose method throws returns the expired result instead of the exception.
   * Same forms as {@link #ttl()}. Default: the cache's {@code stale-if-error}.
   */
  @Nonbinding
  String staleIfError() default "";

  /**
   * How long a {@code null} or empty {@code Optional} result is remembered, so that the method is not called
   * again for the key meanwhile. Same forms as {@link #ttl()}. Default: the cache's {@code negative-ttl} (else
   * absent results are not cached).
   */
  @Nonbinding
  String negativeTtl() default "";

  /**
   * Tags that each cached result carries, for {@link dev.cachefn.Cache#invalidateByTag} and
   * {@link InvalidateTags}. A tag is literal or a template that reads parameters and their properties:
   * {@code user:{id}}, {@code user:{user.id}}, {@code {0}} (parameters by position).
   */
  @Nonbinding
  String[] tags() default {};

  /** Computes the key instead of the parameters' {@code toString()}; a CDI bean of the class if one exists. */
  @Nonbinding
  Class<? extends CacheKeyGenerator> keyGenerator() default CacheKeyGenerator.class;
}
