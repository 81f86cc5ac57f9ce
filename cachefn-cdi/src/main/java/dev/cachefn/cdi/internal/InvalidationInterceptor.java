package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.spi.InvalidationBinding;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Carries out the invalidation annotations of a method ({@code @Invalidate}, {@code @InvalidateAll},
 * {@code @InvalidateTags}, {@code @InvalidatePattern}), all of them in one call, through their shared
 * {@link InvalidationBinding}.
 */
@InvalidationBinding
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class InvalidationInterceptor {

  @Inject MethodPlans plans;

  @AroundInvoke
  Object invalidate(InvocationContext context) throws Exception {
    return plans.invalidations(context.getMethod()).around(context, plans.caches());
  }
}
