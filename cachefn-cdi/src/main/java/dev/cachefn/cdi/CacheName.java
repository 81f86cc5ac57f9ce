package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

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
  final class Literal extends AnnotationLiteral<CacheName> implements CacheName {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Literal(String value) {
      this.value = value;
    }

    /** {@code @CacheName(name)}. */
    public static Literal of(String name) {
      return new Literal(Objects.requireNonNull(name, "name must not be null"));
    }

    @Override
    public String value() {
      return value;
    }
  }
}
