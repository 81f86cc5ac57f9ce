package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.cachefn.cdi.internal.ValueLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Selects a named cache: {@code @Inject @CacheName("users") Cache<User> users;} receives the cache named
 * {@code users}, the same instance at every injection point of the application, configured from
 * {@code cachefn.cache.users.*}.
 *
 * <p>On an observer, {@code void on(@Observes @CacheName("users") CacheEvent<?> event)} receives the events of
 * that cache only.
 *
 * <p>The value does not take part in CDI resolution ({@link Nonbinding}): one producer serves every name.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface CacheName {

  /** The cache's name; not blank. */
  @Nonbinding
  String value();

  /** An instance of {@code @CacheName}, for {@code Instance.select} and {@code Event.select}. */
  final class Literal extends ValueLiteral<CacheName, String> implements CacheName {

    private static final long serialVersionUID = 1L;

    private Literal(String name) {
      super("name", name);
    }

    /** {@code @CacheName(name)}. */
    public static Literal of(String name) {
      return new Literal(name);
    }
  }
}
