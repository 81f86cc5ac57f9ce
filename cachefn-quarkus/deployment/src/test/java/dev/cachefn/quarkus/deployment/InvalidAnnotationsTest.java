package dev.cachefn.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachefn.cdi.CacheKeyGenerator;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.Memoize;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unusable annotations fail the Quarkus build with the messages that Weld gives, naming each method. */
class InvalidAnnotationsTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Audit.class, NoWayToMake.class))
      .assertException(failure -> assertThat(Failures.messages(failure))
          .contains("@Memoize on " + Audit.class.getName() + ".log(String): the method returns void; there is"
              + " no result to cache")
          .contains("@Memoize on " + Audit.class.getName() + ".find(Object, String): ")
          .contains("@InvalidatePattern on " + Audit.class.getName() + ".drop(String): ")
          .contains("keyGenerator " + NoWayToMake.class.getName() + " of " + Audit.class.getName()
              + ".byGenerator(String) is neither a CDI bean nor has a no-argument constructor"));

  /** Neither a bean nor constructible without arguments. */
  static class NoWayToMake implements CacheKeyGenerator {
    private final String prefix;

    NoWayToMake(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String key(Method method, @Nullable Object[] arguments) {
      return prefix + arguments[0];
    }
  }

  @ApplicationScoped
  static class Audit {
    @Memoize
    public void log(String line) {}

    @Memoize(ttl = "3 weeks")
    public String find(Object id, String name) {
      return name;
    }

    @InvalidatePattern(cache = "audit", value = "{nothing}*")
    public void drop(String prefix) {}

    @Memoize(cache = "audit", keyGenerator = NoWayToMake.class)
    public String byGenerator(String id) {
      return id;
    }
  }

  @Test
  void theApplicationDoesNotBuild() {
    fail("the application built with unusable annotations");
  }
}
