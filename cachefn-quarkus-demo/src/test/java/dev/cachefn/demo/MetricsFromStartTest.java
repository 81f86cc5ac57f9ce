package dev.cachefn.demo;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The caches' series are on {@code /q/metrics} from start-up, before any request uses a cache: the profile gives
 * this test an application of its own (Quarkus starts one per profile), whose first request is the scrape.
 */
@QuarkusTest
@TestProfile(MetricsFromStartTest.FreshApplication.class)
class MetricsFromStartTest {

  /** The demo as it is, in an application of its own. */
  public static class FreshApplication implements QuarkusTestProfile {}

  @Test
  void configuredAnnotatedAndInjectedCachesReportFromStartUpWithNothingCountedYet() {
    String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();

    // stock: named by @Memoize only; products, categories: by configuration, @Memoize and @CacheName
    for (String cache : List.of("stock", "products", "categories")) {
      for (String series : List.of("cachefn_cache_size", "cachefn_cache_hits_total", "cachefn_cache_misses_total",
          "cachefn_cache_decode_failures_total")) {
        assertThat(metrics).as(series + " of " + cache).containsPattern(
            "(?m)^" + series + "\\{cache=\"" + cache + "\"} 0\\.0$");
      }
    }
  }
}
