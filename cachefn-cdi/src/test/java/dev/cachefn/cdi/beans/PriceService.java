package dev.cachefn.cdi.beans;

import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Memoized methods with freshness settings; each answer carries the call count, so a refresh shows. */
@ApplicationScoped
public class PriceService {

  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean failing;

  @Memoize(cache = "prices", ttl = "1m", refreshAfter = "30s")
  public String price(String sku) {
    return sku + "#" + calls.incrementAndGet();
  }

  @Memoize(cache = "stock", ttl = "1m", staleIfError = "30s")
  public String stock(String sku) {
    calls.incrementAndGet();
    if (failing) {
      throw new IllegalStateException("warehouse down");
    }
    return sku + ":5";
  }

  @Memoize(cache = "lookups", negativeTtl = "10s")
  public Optional<String> lookup(String sku) {
    calls.incrementAndGet();
    return Optional.empty();
  }

  @Memoize(cache = "configured", ttl = "1m")
  public String configured(String sku) {
    return sku + "#" + calls.incrementAndGet();
  }

  public int calls() {
    return calls.get();
  }

  public void failing(boolean failing) {
    this.failing = failing;
  }
}
