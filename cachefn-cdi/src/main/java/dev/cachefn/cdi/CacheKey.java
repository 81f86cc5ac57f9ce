package dev.cachefn.cdi;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the parameters that form the cache key of a {@link Memoize} or {@link Invalidate} method; the
 * others are ignored. Without any {@code @CacheKey}, every parameter is part of the key.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface CacheKey {
}
