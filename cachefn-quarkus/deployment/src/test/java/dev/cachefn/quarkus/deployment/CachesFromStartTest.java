package dev.cachefn.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.NamedCaches;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The caches that application.properties, a JVM system property or an annotation names exist once the
 * application has started (one application per Quarkus process: a system property is this application's).
 */
class CachesFromStartTest {

  private static final String SYSTEM_PROPERTY = "cachefn.cache.jvm-wide.max-size";

  static {
    System.setProperty(SYSTEM_PROPERTY, "3"); // before the extension below starts the application
  }

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Prices.class).addAsResource(
          new StringAsset("cachefn.cache.audit.max-size=5\n"), "application.properties"));

  @Inject NamedCaches caches;

  @ApplicationScoped
  public static class Prices {
    @Memoize(cache = "prices")
    public String price(String id) {
      return "price of " + id;
    }
  }

  @AfterAll
  static void clearSystemProperty() {
    System.clearProperty(SYSTEM_PROPERTY);
  }

  @Test
  void aCacheOnlyConfigurationNamesAndAMemoizedMethodsCacheExistBeforeAnyCall() {
    assertThat(caches.names()).contains("audit", "jvm-wide", "prices");
    assertThat(caches.get("audit").stats().requests()).isZero();
  }
}
