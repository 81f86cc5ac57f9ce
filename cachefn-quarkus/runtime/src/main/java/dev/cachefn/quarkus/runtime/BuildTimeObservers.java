package dev.cachefn.quarkus.runtime;

import dev.cachefn.CacheEventType;
import dev.cachefn.cdi.spi.ObservedCacheEvents;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The observers of cache events that the build found, so that a cache delivers to CDI only the kinds some
 * observer wants (on Weld the portable extension collects them; ArC runs none). Set once by
 * {@link CacheFnRecorder} at static init, before any bean can create a cache.
 */
@Singleton
public class BuildTimeObservers implements ObservedCacheEvents {

  /** One observer: {@code null} cache name or kind means any. */
  record Observer(@Nullable String cacheName, @Nullable CacheEventType kind, boolean async) {}

  private static volatile List<Observer> observers = List.of();

  /**
   * Reads observers written by {@link #encode}.
   *
   * @param encoded one string per observer
   */
  static void use(List<String> encoded) {
    List<Observer> decoded = new ArrayList<>();
    for (String observer : encoded) {
      String[] parts = observer.split("\t", 3);
      decoded.add(new Observer(parts[2].isEmpty() ? null : parts[2],
          parts[1].isEmpty() ? null : CacheEventType.valueOf(parts[1]), parts[0].equals("async")));
    }
    observers = List.copyOf(decoded);
  }

  /** How the build writes one observer for {@link #use}: a blank cache name or a {@code null} kind means any. */
  public static String encode(@Nullable String cacheName, @Nullable String kind, boolean async) {
    return (async ? "async" : "sync") + "\t" + (kind == null ? "" : kind) + "\t" + (cacheName == null ? "" : cacheName);
  }

  @Override
  public boolean wanted(String cacheName, CacheEventType kind, boolean async) {
    for (Observer observer : observers) {
      if (observer.async() == async && (observer.kind() == null || observer.kind() == kind)
          && (observer.cacheName() == null || observer.cacheName().equals(cacheName))) {
        return true;
      }
    }
    return false;
  }
}
