package dev.cachefn.demo;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.cachefn.cdi.NamedCaches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo through HTTP: what reaches the slow backends, what an update drops, stats, metrics and events. */
@QuarkusTest
class CatalogTest {

  @Inject NamedCaches caches;

  @BeforeEach
  void startFromEmptyCaches() {
    for (String name : caches.names()) {
      caches.get(name).clear();
    }
  }

  @Test
  void repeatedReadsReachTheRepositoryOnceAndCountAsHits() {
    JsonPath before = stats();

    for (int i = 0; i < 3; i++) {
      when().get("/products/4").then().statusCode(200).body("name", equalTo("Refactoring"));
    }

    JsonPath after = stats();
    assertThat(after.getLong("repositoryCalls") - before.getLong("repositoryCalls")).isEqualTo(1);
    assertThat(after.getLong("caches.products.hits") - before.getLong("caches.products.hits")).isEqualTo(2);
    assertThat(after.getLong("caches.products.misses") - before.getLong("caches.products.misses")).isEqualTo(1);
    assertThat(after.getDouble("caches.products.hitRate")).isPositive();
  }

  @Test
  void anUnknownProductIsNotFoundAndNotCached() {
    long before = stats().getLong("repositoryCalls");

    when().get("/products/404").then().statusCode(404);
    when().get("/products/404").then().statusCode(404);

    assertThat(stats().getLong("repositoryCalls") - before).as("an empty Optional is not cached").isEqualTo(2);
  }

  @Test
  void anUpdateInvalidatesExactlyTheEntriesTaggedWithTheProductAndItsCategory() {
    List.of("/products/3", "/products/7", "/products/category/books", "/products/category/games",
        "/products/3/stock", "/products/7/stock").forEach(path -> when().get(path).then().statusCode(200));
    JsonPath before = stats();

    given().contentType(ContentType.JSON)
        .body("{\"name\":\"Java Concurrency in Practice, 2nd printing\",\"category\":\"books\",\"price\":51.00}")
        .when().put("/products/3").then().statusCode(200);
    List.of("/products/7", "/products/category/games", "/products/7/stock")
        .forEach(path -> when().get(path).then().statusCode(200));
    JsonPath untouched = stats();
    when().get("/products/3").then().statusCode(200).body("name", equalTo("Java Concurrency in Practice, 2nd printing"));
    when().get("/products/category/books").then().statusCode(200).body("find { it.id == 3 }.price", equalTo(51.00f));
    when().get("/products/3/stock").then().statusCode(200).body("productId", equalTo(3));
    JsonPath reloaded = stats();

    assertThat(untouched.getLong("repositoryCalls") - before.getLong("repositoryCalls"))
        .as("only the save itself: product 7 and the games listing stayed cached").isEqualTo(1);
    assertThat(untouched.getLong("warehouseCalls")).isEqualTo(before.getLong("warehouseCalls"));
    assertThat(reloaded.getLong("repositoryCalls") - untouched.getLong("repositoryCalls"))
        .as("product:3 and category:books were dropped").isEqualTo(2);
    assertThat(reloaded.getLong("warehouseCalls") - untouched.getLong("warehouseCalls"))
        .as("the stock of product 3 is tagged product:3 too").isEqualTo(1);
    assertThat(observed(reloaded, "products.INVALIDATE")).isGreaterThan(observed(before, "products.INVALIDATE"));
  }

  @Test
  void aBulkReadFetchesOnlyTheMissingProductsInOneRepositoryCall() {
    when().get("/products/9").then().statusCode(200);
    long before = stats().getLong("repositoryCalls");

    when().get("/products?ids=10,9,99,11").then().statusCode(200)
        .body("id", equalTo(List.of(10, 9, 11)));
    long afterFirst = stats().getLong("repositoryCalls");
    when().get("/products?ids=11,10").then().statusCode(200).body("id", equalTo(List.of(11, 10)));
    when().get("/products/10").then().statusCode(200).body("name", equalTo("Screwdriver set"));

    assertThat(afterFirst - before).as("10, 11 and 99 in one call; 9 was cached").isEqualTo(1);
    assertThat(stats().getLong("repositoryCalls")).as("setMany cached 10 and 11").isEqualTo(afterFirst);
  }

  @Test
  void evictionsReachTheObserverAndTheStats() {
    JsonPath before = stats();

    when().get("/products?ids=1,2,3,4,5,6,7,8,9,10,11,12").then().statusCode(200);

    JsonPath after = stats();
    long evicted = after.getLong("caches.products.evictions") - before.getLong("caches.products.evictions");
    assertThat(evicted).as("12 products in a cache of 10").isEqualTo(2);
    assertThat(after.getLong("caches.products.size")).isEqualTo(10);
    assertThat(observed(after, "products.EVICTION") - observed(before, "products.EVICTION")).isEqualTo(evicted);
  }

  @Test
  void aStockLevelIsAUniWhoseItemIsCached() {
    long before = stats().getLong("warehouseCalls");

    when().get("/products/6/stock").then().statusCode(200).body("productId", equalTo(6));
    when().get("/products/6/stock").then().statusCode(200).body("productId", equalTo(6));

    assertThat(stats().getLong("warehouseCalls") - before).isEqualTo(1);
  }

  @Test
  void prometheusReportsEachCacheTaggedByName() {
    when().get("/products/8").then().statusCode(200);
    when().get("/products/8").then().statusCode(200);
    JsonPath stats = stats();

    String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics).contains("cachefn_cache_misses_total{cache=\"products\"}",
        "cachefn_cache_evictions_total{cache=\"products\"}", "cachefn_cache_expirations_total{cache=\"products\"}",
        "cachefn_cache_size{cache=\"products\"}", "cachefn_cache_hit_ratio{cache=\"products\"}",
        "cachefn_cache_memory_bytes{cache=\"products\"}");
    assertThat(sample(metrics, "cachefn_cache_hits_total{cache=\"products\"}"))
        .isEqualTo(stats.getLong("caches.products.hits"));
  }

  private static JsonPath stats() {
    return when().get("/stats").then().statusCode(200).extract().jsonPath();
  }

  private static long observed(JsonPath stats, String key) {
    Long count = stats.getObject("observedEvents.'" + key + "'", Long.class);
    return count == null ? 0 : count;
  }

  private static long sample(String metrics, String series) {
    Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    assertThat(line.find()).as(series + " in " + metrics).isTrue();
    return (long) Double.parseDouble(line.group(1));
  }
}
