package dev.cachefn.cdi.beans;

import dev.cachefn.Cache;
import dev.cachefn.spi.CacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application's own {@link CacheMetrics}: records which caches it was given and which it let go. */
@ApplicationScoped
public class RecordingCacheMetrics implements CacheMetrics {

  public static final List<String> REGISTERED = new CopyOnWriteArrayList<>();
  public static final List<String> RELEASED = new CopyOnWriteArrayList<>();

  @Override
  public Registration register(Cache<?> cache) {
    REGISTERED.add(cache.name());
    return () -> RELEASED.add(cache.name());
  }
}
