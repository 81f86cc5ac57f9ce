package dev.cachefn.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The product store: an in-memory table that answers as slowly as a remote database would
 * ({@code demo.repository.latency} per call), which is what the caches in front of it save.
 * Counts its calls, for the stats endpoint and the tests.
 */
@ApplicationScoped
public class ProductRepository {

  private final Map<Long, Product> products = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final Duration latency;

  public ProductRepository(@ConfigProperty(name = "demo.repository.latency") Duration latency) {
    this.latency = latency;
    String[][] seed = {
        {"The Pragmatic Programmer", "books", "42.00"}, {"Effective Java", "books", "45.50"},
        {"Java Concurrency in Practice", "books", "49.99"}, {"Refactoring", "books", "39.90"},
        {"Chess set", "games", "25.00"}, {"Go board", "games", "60.00"}, {"Playing cards", "games", "4.50"},
        {"Backgammon", "games", "32.00"}, {"Hammer", "tools", "15.00"}, {"Screwdriver set", "tools", "19.90"},
        {"Spirit level", "tools", "12.50"}, {"Tape measure", "tools", "7.95"}};
    for (int i = 0; i < seed.length; i++) {
      long id = i + 1;
      products.put(id, new Product(id, seed[i][0], seed[i][1], new BigDecimal(seed[i][2])));
    }
  }

  public Optional<Product> find(long id) {
    slowCall();
    return Optional.ofNullable(products.get(id));
  }

  /** The products of {@code ids} that exist, in one round trip. */
  public Map<Long, Product> findAll(Collection<Long> ids) {
    slowCall();
    Map<Long, Product> found = new LinkedHashMap<>();
    for (Long id : ids) {
      Product product = products.get(id);
      if (product != null) {
        found.put(id, product);
      }
    }
    return found;
  }

  public List<Product> findByCategory(String category) {
    slowCall();
    return products.values().stream().filter(p -> p.category().equals(category))
        .sorted(Comparator.comparingLong(Product::id)).toList();
  }

  /** Stores {@code product}; returns the version it replaced, if any. */
  public Optional<Product> save(Product product) {
    slowCall();
    return Optional.ofNullable(products.put(product.id(), product));
  }

  /** How many calls reached the store. */
  public long calls() {
    return calls.get();
  }

  private void slowCall() {
    calls.incrementAndGet();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the product store", e);
      }
    }
  }
}
