package dev.cachefn.cdi.beans;

import dev.cachefn.CacheEvent;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An observer that always throws. */
@ApplicationScoped
public class FailingObserver {

  void on(@Observes @CacheName("users") CacheEvent<?> event) {
    throw new IllegalStateException("observer bug");
  }
}
