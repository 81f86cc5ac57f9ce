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
 * Removes the entries tagged with any of the given tags, which are literal or templates like those of {@link
 * Memoize#tags()}: {@code @InvalidateTags("user:{user.id}") void update(User user)}. Without {@code cache},
 * in every cache of the application.
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
public @interface InvalidateTags {

  /** The tags: literal, or templates that read parameters ({@code user:{id}}, {@code team:{user.team.id}}). */
  @Nonbinding
  String[] value();

  /** The cache whose entries to remove; by default every cache of the application. */
  @Nonbinding
  String cache() default "";

  /** Whether to act before the method runs instead of after it returns normally. */
  @Nonbinding
  boolean before() default false;
}
