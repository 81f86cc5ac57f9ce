package dev.cachefn.demo;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Observes cache events as CDI events: logs every eviction from {@code products} and every invalidation, and
 * counts what it saw for the stats endpoint.
 */
@ApplicationScoped
public class CacheEventLog {

  private static final Logger LOG = Logger.getLogger(CacheEventLog.class);

  private final Map<String, LongAdder> seen = new ConcurrentHashMap<>();

  void productEvicted(@Observes @CacheName("products") @CacheEventKind(CacheEventType.EVICTION) CacheEvent<?> event) {
    LOG.infof("evicted product %s from cache '%s' to respect its max-size", event.key(), event.cacheName());
    count(event);
  }

  void invalidated(@Observes @CacheEventKind(CacheEventType.INVALIDATE) CacheEvent<?> event) {
    LOG.infof("invalidated %d entries of cache '%s'%s", event.count(), event.cacheName(),
        event.tags().isEmpty() ? "" : " tagged " + event.tags());
    count(event);
  }

  private void count(CacheEvent<?> event) {
    seen.computeIfAbsent(event.cacheName() + "." + event.type(), k -> new LongAdder()).increment();
  }

  /** How many events of each {@code <cache>.<TYPE>} were observed. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    seen.forEach((key, adder) -> counts.put(key, adder.sum()));
    return counts;
  }
}
