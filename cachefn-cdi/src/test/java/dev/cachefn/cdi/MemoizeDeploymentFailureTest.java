package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.beans.User;
import jakarta.enterprise.context.Dependent;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A {@code @Memoize} method that cannot work fails the deployment, and the message names the method. */
class MemoizeDeploymentFailureTest {

  @Dependent
  static class VoidMethod {
    @Memoize
    public void refresh(String id) {}
  }

  @Dependent
  static class UnknownParameter {
    @Memoize(tags = "user:{userId}")
    public String find(String id) {
      return id;
    }
  }

  @Dependent
  static class UnknownProperty {
    @Memoize(tags = "user:{user.email}")
    public String find(User user) {
      return user.id();
    }
  }

  @Dependent
  static class UnclosedTemplate {
    @Memoize(tags = "user:{id")
    public String find(String id) {
      return id;
    }
  }

  /** Keeps Object's toString() and equals(). */
  static class Opaque {}

  @Dependent
  static class OpaqueKey {
    @Memoize
    public String find(Opaque filter) {
      return "x";
    }
  }

  /** Overrides toString() but not equals(). */
  static class HalfValue {
    @Override
    public String toString() {
      return "half";
    }
  }

  @Dependent
  static class HalfValueKey {
    @Memoize
    public String find(HalfValue filter, String id) {
      return "x";
    }
  }

  @Dependent
  static class OpaqueButNotAKey {
    @Memoize
    public String find(@CacheKey String id, Opaque ignored) {
      return id;
    }
  }

  @Dependent
  static class BadTtl {
    @Memoize(ttl = "10 minutes")
    public String find(String id) {
      return id;
    }
  }

  @Dependent
  static class FinalMethod {
    @Memoize
    public final String find(String id) {
      return id;
    }
  }

  @Dependent
  static class CustomStage {
    @Memoize
    public MyFuture find(String id) {
      return new MyFuture();
    }
  }

  static class MyFuture extends CompletableFuture<String> {}

  @Dependent
  @Memoize
  static class OnTheClass {
    public String find(String id) {
      return id;
    }
  }

  /** Neither a bean nor constructible without arguments. */
  static class NeedsArgument implements CacheKeyGenerator {
    NeedsArgument(String prefix) {}

    @Override
    public String key(Method method, Object[] arguments) {
      return "k";
    }
  }

  @Dependent
  static class UnusableGenerator {
    @Memoize(keyGenerator = NeedsArgument.class)
    public String find(String id) {
      return id;
    }
  }

  @Test
  void aVoidMethod() {
    assertFails(VoidMethod.class, "@Memoize on " + VoidMethod.class.getName() + ".refresh(String): the method"
        + " returns void; there is no result to cache");
  }

  @Test
  void aTemplateNamingNoParameter() {
    assertFails(UnknownParameter.class, "@Memoize on " + UnknownParameter.class.getName() + ".find(String):"
        + " template 'user:{userId}' refers to '{userId}', but the method has no parameter 'userId'; its"
        + " parameters: [id]");
  }

  @Test
  void aTemplateNamingNoProperty() {
    assertFails(UnknownProperty.class, "template 'user:{user.email}' refers to '{user.email}', but "
        + User.class.getName() + " has no public property 'email'");
  }

  @Test
  void anUnclosedTemplate() {
    assertFails(UnclosedTemplate.class, "template 'user:{id' has a '{' never closed by '}' at index 5");
  }

  @Test
  void aKeyParameterTypeWithoutItsOwnToStringAndEquals() {
    assertFails(OpaqueKey.class, "@Memoize on " + OpaqueKey.class.getName() + ".find(Opaque): key parameter"
        + " 'filter' of type " + Opaque.class.getName() + " does not override toString() and equals()");
    assertFails(HalfValueKey.class, "key parameter 'filter' of type " + HalfValue.class.getName()
        + " does not override equals()");
  }

  @Test
  void aParameterOutsideTheKeyMayBeAnything() {
    try (CdiApp app = CdiApp.start(OpaqueButNotAKey.class)) {
      app.bean(OpaqueButNotAKey.class).find("a", new Opaque());
    }
  }

  @Test
  void anUnparsableTtl() {
    assertFails(BadTtl.class, "@Memoize on " + BadTtl.class.getName() + ".find(String): ttl must be an ISO-8601"
        + " duration such as PT10M or P1D, or a whole number with a unit ms, s, m, h or d such as 500ms, 10s,"
        + " 5m, 1h; got '10 minutes'");
  }

  @Test
  void aMethodTheContainerCannotIntercept() {
    assertFails(FinalMethod.class, "the method must not be private, static or final");
  }

  @Test
  void anAsynchronousTypeOtherThanCompletionStageOrCompletableFuture() {
    assertFails(CustomStage.class, "an asynchronous method must return CompletionStage or CompletableFuture");
  }

  @Test
  void memoizeOnAClass() {
    assertFails(OnTheClass.class, "@Memoize on class " + OnTheClass.class.getName() + " is not supported");
  }

  @Test
  void aKeyGeneratorTheContainerCannotProvide() {
    assertFails(UnusableGenerator.class, "keyGenerator " + NeedsArgument.class.getName() + " of "
        + UnusableGenerator.class.getName() + ".find(String) is neither a CDI bean nor has a no-argument"
        + " constructor");
  }

  private static void assertFails(Class<?> bean, String message) {
    assertThatThrownBy(() -> CdiApp.start(bean).close()).hasMessageContaining(message);
  }
}
