package dev.cachefn.cdi.beans;

import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes cache events: of one cache, of one kind, and asynchronously. */
@ApplicationScoped
public class CacheEventLog {

  private final List<CacheEvent<?>> users = new CopyOnWriteArrayList<>();
  private final List<CacheEvent<?>> evictions = new CopyOnWriteArrayList<>();
  private final CompletableFuture<CacheEvent<?>> firstAsyncSession = new CompletableFuture<>();
  private final List<String> asyncThreads = new CopyOnWriteArrayList<>();

  void onUsers(@Observes @CacheName("users") CacheEvent<?> event) {
    users.add(event);
  }

  void onEvictions(@Observes @CacheEventKind(CacheEventType.EVICTION) CacheEvent<?> event) {
    evictions.add(event);
  }

  void onSessionsLater(@ObservesAsync @CacheName("sessions") @CacheEventKind(CacheEventType.SET) CacheEvent<?> event) {
    asyncThreads.add(Thread.currentThread().getName());
    firstAsyncSession.complete(event);
  }

  public List<CacheEvent<?>> users() {
    return users;
  }

  public List<CacheEvent<?>> evictions() {
    return evictions;
  }

  public CompletableFuture<CacheEvent<?>> firstAsyncSession() {
    return firstAsyncSession;
  }

  public List<String> asyncThreads() {
    return asyncThreads;
  }
}
