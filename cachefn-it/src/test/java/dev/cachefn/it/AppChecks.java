package dev.cachefn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The checks every server passes, over HTTP, for app1 and app2 deployed side by side. */
final class AppChecks {

  private AppChecks() {}

  /**
   * The checks of a server that logs deployment failures and keeps serving: waits for app1 and app2 and for
   * bad.war's failure naming the property, then runs every check on both applications.
   */
  static void onServerThatLogsFailures(ServerProcess server, String base) {
    server.await("app1 and app2", Duration.ofSeconds(420),
        () -> Http.get(base + "/app1/check?action=names").ok() && Http.get(base + "/app2/check?action=names").ok());
    server.await("bad.war's failure", Duration.ofSeconds(60), () -> server.log().contains(TestWars.BAD_MESSAGE));
    assertThat(Http.get(base + "/bad/check?action=names").ok()).as("bad.war is not deployed").isFalse();
    bothApplicationsWork(base);
  }

  /** Start-up caches and caching, in app1 and app2. */
  static void bothApplicationsWork(String base) {
    cachesExistFromStartUp(base + "/app1");
    cachesExistFromStartUp(base + "/app2");
    cachingWorks(base + "/app1");
    cachingWorks(base + "/app2");
  }

  /** The caches exist from start-up: a fresh application lists them before any cache call. */
  static void cachesExistFromStartUp(String base) {
    assertThat(Http.get(base + "/check?action=names").body()).contains("names=[products, small]");
  }

  /**
   * Injection, {@code @Memoize} (the body runs once), tag invalidation, the observer of evictions and the
   * configured size of cache {@code small}.
   */
  static void cachingWorks(String base) {
    assertThat(Http.get(base + "/check?action=memoize").body()).as("memoized: one call").contains("calls=1");
    assertThat(Http.get(base + "/check?action=memoize").body()).as("still one call").contains("calls=1");
    assertThat(Http.get(base + "/check?action=update").body()).as("tag invalidated: called again")
        .contains("calls=2");
    assertThat(Http.get(base + "/check?action=evict").body())
        .as("max-size=2 applied, one eviction observed, one instance")
        .contains("size=2 evictions=1 same=true");
  }

  /** The lines of {@code metrics} about {@code name} for cache {@code cache} of application {@code app}. */
  static List<String> series(String metrics, String name, String cache, String app) {
    return Stream.of(metrics.split("\n"))
        .filter(line -> !line.startsWith("#") && line.contains(name))
        .filter(line -> line.contains("cache=\"" + cache + "\"") && line.contains("application=\"" + app + "\""))
        .toList();
  }

  /**
   * Every application has its own series of the size, the hit counter and the hit ratio (MicroProfile Metrics 4
   * prefixes the names with {@code application_}, which the match allows).
   */
  static void metricsOfBothApplications(String metrics) {
    for (String app : List.of("app1", "app2")) {
      assertThat(series(metrics, "cachefn_cache_size", "small", app)).as("size of " + app).isNotEmpty();
      assertThat(series(metrics, "cachefn_cache_hits", "products", app)).as("hits of " + app).isNotEmpty();
      assertThat(series(metrics, "cachefn_cache_hit_ratio", "products", app)).as("hit ratio of " + app)
          .isNotEmpty();
    }
    assertThat(metrics).doesNotContain("_bytes_bytes").doesNotContain("hit_rate");
  }
}
