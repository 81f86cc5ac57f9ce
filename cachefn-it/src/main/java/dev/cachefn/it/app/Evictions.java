package dev.cachefn.it.app;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the evictions of cache {@code small}, as a CDI observer. */
@ApplicationScoped
public class Evictions {

  private final AtomicInteger count = new AtomicInteger();

  void evicted(@Observes @CacheName("small") @CacheEventKind(CacheEventType.EVICTION) CacheEvent<?> event) {
    count.incrementAndGet();
  }

  public int count() {
    return count.get();
  }
}
