package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.spi.InterceptedCall;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/** An intercepted call as {@link dev.cachefn.cdi.spi.AsyncResultType}s see it: the interceptor's invocation context. */
final class ContextCall implements InterceptedCall {

  private final InvocationContext context;

  ContextCall(InvocationContext context) {
    this.context = context;
  }

  @Override
  public Method method() {
    return context.getMethod();
  }

  @Override
  public @Nullable Object[] arguments() {
    return context.getParameters().clone();
  }

  @Override
  public @Nullable Object proceed(@Nullable Object[] arguments) throws Exception {
    context.setParameters(arguments);
    return context.proceed();
  }

  @Override
  public @Nullable Object proceed() throws Exception {
    return context.proceed();
  }
}
