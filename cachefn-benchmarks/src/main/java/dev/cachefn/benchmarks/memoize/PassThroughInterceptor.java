package dev.cachefn.benchmarks.memoize;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Proceeds and nothing else: the floor under any interceptor, {@code @Memoize} included. */
@PassThrough
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PassThroughInterceptor {

  @AroundInvoke
  Object proceed(InvocationContext context) throws Exception {
    return context.proceed();
  }
}
