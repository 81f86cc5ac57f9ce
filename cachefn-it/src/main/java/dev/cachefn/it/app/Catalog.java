package dev.cachefn.it.app;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.InvalidateTags;
import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** A memoized lookup and the update that invalidates it by tag. */
@ApplicationScoped
public class Catalog {

  private final AtomicInteger calls = new AtomicInteger();

  @Memoize(cache = "products", tags = "product:{id}")
  public String product(@CacheKey String id) {
    calls.incrementAndGet();
    return "product " + id;
  }

  @InvalidateTags("product:{id}")
  public void update(String id) {
    // the repository write would go here
  }

  public int calls() {
    return calls.get();
  }
}
