package dev.cachefn.demo;

import dev.cachefn.CacheStats;
import dev.cachefn.cdi.NamedCaches;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.TreeMap;

/** {@code /stats}: each cache's stats, the calls that reached the slow backends, and the observed events. */
@Path("/stats")
public class StatsResource {

  /** The answer of {@code GET /stats}. */
  public record Stats(Map<String, CacheReport> caches, long repositoryCalls, long warehouseCalls,
      Map<String, Long> observedEvents) {}

  /** One cache's stats; {@code hitRate} in percent. */
  public record CacheReport(long hits, long misses, double hitRate, long size, long sets, long evictions,
      long expirations, long memoryUsageBytes) {

    static CacheReport of(CacheStats stats) {
      return new CacheReport(stats.hits(), stats.misses(), stats.hitRate(), stats.size(), stats.sets(),
          stats.evictions(), stats.expirations(), stats.memoryUsageBytes());
    }
  }

  @Inject NamedCaches caches;
  @Inject ProductRepository repository;
  @Inject Warehouse warehouse;
  @Inject CacheEventLog events;

  @GET
  public Stats stats() {
    Map<String, CacheReport> stats = new TreeMap<>();
    for (String name : caches.names()) {
      stats.put(name, CacheReport.of(caches.get(name).stats()));
    }
    return new Stats(stats, repository.calls(), warehouse.calls(), events.counts());
  }
}
