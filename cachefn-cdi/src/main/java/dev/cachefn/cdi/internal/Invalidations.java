package dev.cachefn.cdi.internal;

import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;

/** The common run of the invalidation interceptors: before the call, or after a normal return. */
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
    if (plan.suspending) {
      return SuspendingMethods.afterCompletion(context, () -> plan.run(caches, arguments));
    }
    Object result = context.proceed(); // a throw skips the invalidation
    if (result instanceof CompletionStage<?> stage
        && CompletionStage.class.isAssignableFrom(plan.method.getReturnType())) {
      return stage.thenApply(value -> {
        plan.run(caches, arguments);
        return value;
      });
    }
    plan.run(caches, arguments);
    return result;
  }
}
