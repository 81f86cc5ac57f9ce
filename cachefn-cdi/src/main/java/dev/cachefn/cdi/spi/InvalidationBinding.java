package dev.cachefn.cdi.spi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The interceptor binding that {@link dev.cachefn.cdi.Invalidate}, {@link dev.cachefn.cdi.InvalidateAll},
 * {@link dev.cachefn.cdi.InvalidateTags} and {@link dev.cachefn.cdi.InvalidatePattern} declare, so that one
 * interceptor serves a method with any of them or several (CDI's transitive interceptor bindings).
 *
 * <p>Applications do not write it. A container that builds its bean graph from an index (Quarkus' ArC) must
 * index it with the other interceptor bindings.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface InvalidationBinding {}
