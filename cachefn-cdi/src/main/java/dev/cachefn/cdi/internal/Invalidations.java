package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.spi.AsyncResultType;
import jakarta.interceptor.InvocationContext;

/**
 * The common run of the invalidation interceptors: before the call, or after a normal return (of a result that
 * arrives later, after it completed normally).
 */
final class Invalidations {

  private Invalidations() {}

  static Object around(InvocationContext context, MethodPlans plans, InvalidationPlan.Kind kind) throws Exception {
    InvalidationPlan plan = plans.invalidation(context.getMethod(), kind);
    Object[] arguments = context.getParameters();
    CacheRegistry caches = plans.caches();
    if (plan.before) {
      plan.run(caches, arguments);
      return context.proceed();
    }
    AsyncResultType async = plan.async;
    if (async != null) { // a stage, a Uni, a suspend fun: after its result completes
      return async.afterCompletion(new ContextCall(context), () -> plan.run(caches, arguments));
    }
    Object result = context.proceed(); // a throw skips the invalidation
    plan.run(caches, arguments);
    return result;
  }
}
