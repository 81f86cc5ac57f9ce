package dev.cachefn.demo;

import dev.cachefn.cdi.Memoize;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The warehouse's stock levels, behind a non-blocking client: {@link #stock} returns a Mutiny {@code Uni} that
 * completes after {@code demo.warehouse.latency}, without holding a thread. Memoized: the item is cached for
 * 30 seconds, tagged with the product so that an update of the product drops it too.
 */
@ApplicationScoped
public class Warehouse {

  private final AtomicLong calls = new AtomicLong();
  private final Duration latency;

  public Warehouse(@ConfigProperty(name = "demo.warehouse.latency") Duration latency) {
    this.latency = latency;
  }

  @Memoize(cache = "stock", ttl = "30s", tags = "product:{productId}")
  public Uni<Stock> stock(long productId) {
    Uni<Stock> answer = Uni.createFrom().item(() -> {
      calls.incrementAndGet();
      return new Stock(productId, (int) (productId * 7 % 23));
    });
    return latency.isZero() ? answer : answer.onItem().delayIt().by(latency);
  }

  /** How many stock requests reached the warehouse. */
  public long calls() {
    return calls.get();
  }
}
