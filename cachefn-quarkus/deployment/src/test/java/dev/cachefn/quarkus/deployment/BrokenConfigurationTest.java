package dev.cachefn.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bad {@code cachefn.*} value in application.properties stops the application, naming the property. */
class BrokenConfigurationTest {

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Users.class))
      .overrideConfigKey("cachefn.cache.users.max-size", "-5")
      .overrideConfigKey("cachefn.default.default-ttl", "soon")
      .overrideConfigKey("cachefn.default.fetch-timeout", "0s")
      .overrideConfigKey("cachefn.cache.prices.refresh-after", "later")
      .overrideConfigKey("cachefn.default.distributed-single-flight", "yes")
      .assertException(failure -> assertThat(Failures.messages(failure))
          .contains("property cachefn.cache.prices.refresh-after must be an ISO-8601 duration")
          .contains("CacheFn configuration: property cachefn.cache.users.max-size must be a whole number of at"
              + " least 1; got '-5'")
          .contains("property cachefn.default.default-ttl must be an ISO-8601 duration")
          .contains("property cachefn.default.fetch-timeout must be a positive duration; got '0s'")
          .contains("property cachefn.default.distributed-single-flight must be true or false; got 'yes'"));

  @ApplicationScoped
  static class Users {
    @Inject @CacheName("users") Cache<String> users;
  }

  @Test
  void theApplicationDoesNotStart() {
    fail("the application started with a broken configuration");
  }
}
