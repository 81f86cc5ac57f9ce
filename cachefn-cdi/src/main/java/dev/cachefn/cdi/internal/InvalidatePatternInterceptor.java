package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.InvalidatePattern;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Carries out {@link InvalidatePattern}. */
@InvalidatePattern(
    cache = "",
    value = "")
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class InvalidatePatternInterceptor {

  @Inject MethodPlans plans;

  @AroundInvoke
  Object invalidate(InvocationContext context) throws Exception {
    return Invalidations.around(context, plans, InvalidationPlan.Kind.PATTERN);
  }
}
