package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.internal.ValueLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

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
  final class Literal extends ValueLiteral<CacheEventKind, CacheEventType> implements CacheEventKind {

    private static final long serialVersionUID = 1L;

    private Literal(CacheEventType type) {
      super("type", type);
    }

    /** {@code @CacheEventKind(type)}. */
    public static Literal of(CacheEventType type) {
      return new Literal(type);
    }
  }
}
