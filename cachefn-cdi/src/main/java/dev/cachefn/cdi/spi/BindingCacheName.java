package dev.cachefn.cdi.spi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.cachefn.cdi.internal.ValueLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The cache's name as a qualifier whose value is binding, fired with every cache event next to
 * {@link dev.cachefn.cdi.CacheName} (whose value is not binding, so that one producer serves every name).
 *
 * <p>Applications do not write it. A container that cannot wrap observer methods at run time (Quarkus' ArC
 * builds them ahead of time) rewrites {@code @Observes @CacheName("users")} into
 * {@code @Observes @BindingCacheName("users")} at build time, so that CDI's own resolution delivers only that
 * cache's events.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface BindingCacheName {

  /** The cache's name. */
  String value();

  /** An instance of {@code @BindingCacheName}. */
  final class Literal extends ValueLiteral<BindingCacheName, String> implements BindingCacheName {

    private static final long serialVersionUID = 1L;

    private Literal(String name) {
      super("name", name);
    }

    /** {@code @BindingCacheName(name)}. */
    public static Literal of(String name) {
      return new Literal(name);
    }
  }
}
