package dev.cachefn.benchmarks.arc;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Proceeds and nothing else: what any intercepted call costs under ArC. */
@PassThrough
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PassThroughInterceptor {

  @AroundInvoke
  Object proceed(InvocationContext context) throws Exception {
    return context.proceed();
  }
}
