package dev.cachefn.benchmarks.memoize;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link PassThroughInterceptor}: an interceptor that does nothing but proceed, so that the benchmark can
 * tell the container's own cost of an intercepted call from the cost of CacheFn's {@code @Memoize}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PassThrough {}
