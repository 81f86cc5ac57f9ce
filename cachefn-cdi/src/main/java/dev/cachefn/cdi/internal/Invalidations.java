package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.spi.AsyncResultType;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The invalidation annotations of one method, worked out once, and how a call runs them: those with
 * {@code before = true} before the call, whatever its outcome; the others after a normal return (for a result
 * that arrives later, after it completed normally), not after a throw. Each group runs in the order
 * {@code @Invalidate}, {@code @InvalidateAll}, {@code @InvalidateTags}, {@code @InvalidatePattern}.
 */
final class Invalidations {

  final List<InvalidationPlan> plans;
  private final List<InvalidationPlan> before = new ArrayList<>();
  private final List<InvalidationPlan> after = new ArrayList<>();
  /** Who runs a method whose result arrives later, whose completion the "after" plans wait for; else null. */
  private final @Nullable AsyncResultType async;

  private Invalidations(Method method, List<InvalidationPlan> plans) {
    this.plans = plans;
    for (InvalidationPlan plan : plans) {
      (plan.before() ? before : after).add(plan);
    }
    this.async = AsyncResultTypes.of(method);
  }

  /**
   * Reads the invalidation annotations on {@code method}.
   *
   * @throws IllegalArgumentException if one is wrong (the message names the annotation, the method and the
   *     problem), or if there is none on the method itself (on its class they are not supported)
   */
  static Invalidations of(Method method) {
    List<InvalidationPlan> plans = new ArrayList<>();
    for (InvalidationPlan.Kind kind : InvalidationPlan.Kind.values()) {
      if (method.isAnnotationPresent(kind.annotation)) {
        plans.add(InvalidationPlan.of(method, kind));
      }
    }
    if (plans.isEmpty()) {
      throw new IllegalArgumentException(MethodNames.describe(method) + " is intercepted for invalidation but has"
          + " no invalidation annotation itself (on a class they are not supported: put them on each method)");
    }
    return new Invalidations(method, List.copyOf(plans));
  }

  Object around(InvocationContext context, CacheRegistry caches) throws Exception {
    Object[] arguments = context.getParameters();
    run(before, caches, arguments);
    if (after.isEmpty()) {
      return context.proceed();
    }
    if (async != null) { // a stage, a Uni, a suspend fun: after its result completes
      return async.afterCompletion(new ContextCall(context), () -> run(after, caches, arguments));
    }
    Object result = context.proceed(); // a throw skips the invalidation
    run(after, caches, arguments);
    return result;
  }

  private static void run(List<InvalidationPlan> plans, CacheRegistry caches, @Nullable Object[] arguments) {
    for (InvalidationPlan plan : plans) {
      plan.run(caches, arguments);
    }
  }
}
