package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.cachefn.cdi.spi.InvalidationBinding;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Removes the entry of one key from a cache, the key computed from the {@link CacheKey} parameters exactly as
 * {@link Memoize} computes it, so that {@code @Invalidate(cache = "users") void update(@CacheKey String id,
 * User user)} removes what {@code @Memoize(cache = "users") User find(String id)} cached.
 *
 * <p>Acts after the method returns normally (for a {@code CompletionStage}, after it completes normally) and
 * not when it throws; with {@code before = true}, before the method runs, whatever its outcome. Put it on
 * methods of a CDI bean (not private, static or final); a template naming no parameter fails the
 * deployment with a message naming the method.
 */
@InterceptorBinding
@InvalidationBinding
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Invalidate {

  /** The cache to remove the entry from. */
  @Nonbinding
  String cache();

  /** Computes the key instead of the {@link CacheKey} parameters; see {@link Memoize#keyGenerator()}. */
  @Nonbinding
  Class<? extends CacheKeyGenerator> keyGenerator() default CacheKeyGenerator.class;

  /** Whether to act before the method runs instead of after it returns normally. */
  @Nonbinding
  boolean before() default false;
}
