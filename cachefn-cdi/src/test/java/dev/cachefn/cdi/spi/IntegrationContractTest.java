package dev.cachefn.cdi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.Memoize;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract {@code dev.cachefn.cdi.spi} offers container integrations: it is usable without naming an internal
 * class, and it does what the Quarkus extension relies on.
 */
class IntegrationContractTest {

  private static final List<Class<?>> CONTRACT = List.of(BindingCacheName.class, BindingCacheName.Literal.class,
      CacheFnBeans.class, CacheFnChecks.class, ObservedCacheEvents.class, AsyncResultType.class, InterceptedCall.class,
      StageResultType.class, InvalidationBinding.class);

  @Test
  void noPublicSignatureOfTheContractNamesAnInternalType() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : CONTRACT) {
      List<Member> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Member member : members) {
        if (!Modifier.isPublic(member.getModifiers()) || member.isSynthetic()) {
          continue;
        }
        Executable executable = (Executable) member;
        List<Type> types = new ArrayList<>(List.of(executable.getGenericParameterTypes()));
        if (executable instanceof Method method) {
          types.add(method.getGenericReturnType());
        }
        for (Type signatureType : types) {
          if (signatureType.getTypeName().contains(".internal.")) {
            leaks.add(type.getSimpleName() + "." + member.getName() + ": " + signatureType.getTypeName());
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theBeansToRegisterAreTheInterceptorsAndBeansAndCannotBeChanged() {
    List<Class<?>> classes = CacheFnBeans.classes();

    assertThat(classes).hasSize(5).doesNotHaveDuplicates();
    assertThat(classes.stream().filter(type -> type.isAnnotationPresent(Interceptor.class))).hasSize(2);
    assertThat(classes).allSatisfy(type -> assertThat(Modifier.isPublic(type.getModifiers())).isFalse());
    assertThatThrownBy(() -> classes.add(Object.class)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void checksReportWhatTheyFindWithTheMessagesWeldGives() {
    CacheFnChecks checks = CacheFnChecks.create();

    checks.checkClass(MemoizedClass.class);
    checks.checkCacheName(" ", "field Shop.cache");
    checks.checkCacheName("users", "field Shop.users");

    assertThat(checks.problems()).containsExactly(
        "@Memoize on class " + MemoizedClass.class.getName() + " is not supported: put it on each method"
            + " whose result to cache",
        "@CacheName must name a cache, but is blank at field Shop.cache");
    assertThat(checks.found().cacheNames()).isEqualTo(Set.of("users"));
  }

  @Test
  void checksCollectTheMemoizedMethodsAndTheirCaches() throws NoSuchMethodException {
    CacheFnChecks checks = CacheFnChecks.create();

    checks.checkMethod(Prices.class.getDeclaredMethod("price", String.class));

    assertThat(checks.problems()).isEmpty();
    assertThat(checks.found().cacheNames()).isEqualTo(Set.of("prices"));
    assertThat(checks.found().memoizedMethods()).hasSize(1);
    assertThat(checks.found().writeTimeCaches()).isEmpty();
    assertThat(checks.keyGeneratorProblems(type -> false)).isEmpty();
  }

  @Memoize(cache = "everything")
  static class MemoizedClass {}

  static class Prices {
    @Memoize(cache = "prices")
    String price(String item) {
      return item;
    }
  }
}
