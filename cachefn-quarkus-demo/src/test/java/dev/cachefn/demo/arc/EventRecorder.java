package dev.cachefn.demo.arc;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observers that select by cache name and by event kind, recording what they receive. */
@ApplicationScoped
public class EventRecorder {

  private final List<String> ofCacheA = new CopyOnWriteArrayList<>();
  private final List<String> sets = new CopyOnWriteArrayList<>();

  /** {@code <cache> <type> <key>} of every event of cache {@code arc-a}. */
  public List<String> ofCacheA() {
    return List.copyOf(ofCacheA);
  }

  /** {@code <cache> <key>} of every {@code SET}, of any cache. */
  public List<String> sets() {
    return List.copyOf(sets);
  }

  public void forget() {
    ofCacheA.clear();
    sets.clear();
  }

  void onCacheA(@Observes @CacheName("arc-a") CacheEvent<?> event) {
    ofCacheA.add(event.cacheName() + " " + event.type() + " " + event.key());
  }

  void onSet(@Observes @CacheEventKind(CacheEventType.SET) CacheEvent<?> event) {
    sets.add(event.cacheName() + " " + event.key());
  }

  void onThrowing(@Observes @CacheName("arc-b") @CacheEventKind(CacheEventType.SET) CacheEvent<?> event) {
    throw new IllegalStateException("an observer that fails on " + event.key());
  }
}
