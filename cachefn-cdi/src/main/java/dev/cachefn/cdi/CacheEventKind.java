package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.cachefn.CacheEventType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects the cache events of one kind: {@code void on(@Observes @CacheEventKind(EVICTION) CacheEvent<?> e)}
 * receives evictions of every cache; with {@link CacheName} as well, of that cache only.
 *
 * <p>Every {@link dev.cachefn.CacheEvent} is fired with both qualifiers; an observer without this one
 * receives every kind. A cache delivers an event kind only when an observer for it exists, so that
 * unobserved kinds cost nothing.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface CacheEventKind {

  /** The kind of event. */
  CacheEventType value();

  /** An instance of {@code @CacheEventKind}, for {@code Event.select}. */
  final class Literal extends AnnotationLiteral<CacheEventKind> implements CacheEventKind {

    private static final long serialVersionUID = 1L;

    private final CacheEventType value;

    private Literal(CacheEventType value) {
      this.value = value;
    }

    /** {@code @CacheEventKind(type)}. */
    public static Literal of(CacheEventType type) {
      return new Literal(Objects.requireNonNull(type, "type must not be null"));
    }

    @Override
    public CacheEventType value() {
      return value;
    }
  }
}
