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
 * Removes every entry of a cache: {@code @InvalidateAll(cache = "users") void reload()}.
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
public @interface InvalidateAll {

  /** The cache to empty. */
  @Nonbinding
  String cache();

  /** Whether to act before the method runs instead of after it returns normally. */
  @Nonbinding
  boolean before() default false;
}
