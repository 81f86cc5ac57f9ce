package dev.cachefn.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.NamedCaches;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caches that application.properties or an annotation names exist once the application has started. */
class CachesFromStartTest {

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

  @Test
  void aCacheOnlyConfigurationNamesAndAMemoizedMethodsCacheExistBeforeAnyCall() {
    assertThat(caches.names()).contains("audit", "prices");
    assertThat(caches.get("audit").stats().requests()).isZero();
  }
}
