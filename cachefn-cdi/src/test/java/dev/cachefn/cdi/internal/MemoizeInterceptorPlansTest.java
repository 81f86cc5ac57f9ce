package dev.cachefn.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.cdi.Memoize;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the interceptor finds a method's plan on each call: by identity, asking {@link MethodPlans} once. */
class MemoizeInterceptorPlansTest {

  /** Gives each distinct method (by equality) one plan object, and counts how often it is asked. */
  static final class CountingPlans extends MethodPlans {
    final Map<Method, MemoizedMethod> made = new HashMap<>();
    int asked;

    @Override
    MemoizedMethod memoized(Method method) {
      asked++;
      return made.computeIfAbsent(method, m -> new MemoizedMethod(MemoizePlan.of(annotated()), null));
    }
  }

  @SuppressWarnings("unused")
  static final class Bean {
    @Memoize(cache = "c")
    String find(String id) {
      return id;
    }
  }

  private static Method annotated() {
    try {
      return Bean.class.getDeclaredMethod("find", String.class);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private final CountingPlans plans = new CountingPlans();
  private final MemoizeInterceptor interceptor = new MemoizeInterceptor();

  @BeforeEach
  void inject() {
    interceptor.plans = plans;
  }

  @Test
  void aMethodSeenOnceIsFoundAgainWithoutAskingThePlans() {
    Method method = annotated();
    MethodPlans.MemoizedMethod first = interceptor.memoized(method);

    assertThat(interceptor.memoized(method)).isSameAs(first);
    assertThat(interceptor.memoized(method)).isSameAs(first);
    assertThat(plans.asked).isEqualTo(1);
  }

  @Test
  void eachMethodGetsItsOwnPlanBeyondTheNumberRemembered() {
    Method[] methods = String.class.getDeclaredMethods();
    int count = MemoizeInterceptor.REMEMBERED + 8;
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < count; i++) {
        assertThat(interceptor.memoized(methods[i])).isSameAs(plans.made.get(methods[i]));
      }
    }
    assertThat(interceptor.remembered()).isEqualTo(MemoizeInterceptor.REMEMBERED);
    assertThat(plans.asked).as("only the methods past the remembered ones are asked again")
        .isEqualTo(count + 2 * (count - MemoizeInterceptor.REMEMBERED));
  }

  @Test
  void aContainerPassingANewMethodInstancePerCallKeepsOneEntryForIt() {
    MethodPlans.MemoizedMethod first = interceptor.memoized(annotated());
    for (int i = 0; i < 100; i++) {
      assertThat(interceptor.memoized(annotated())).isSameAs(first);
    }
    assertThat(interceptor.remembered()).isEqualTo(1);
  }
}
