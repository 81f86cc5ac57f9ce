package dev.cachefn.benchmarks.arc;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.annotations.CompilerControl;

/** {@link Users#find} cached by quarkus-cache's {@code @CacheResult}: the same bean shape as {@link MemoizedUsers}. */
@ApplicationScoped
public class CachedUsers extends CountedLoads {

  @CacheResult(cacheName = "cache-result-arc")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return load(id);
  }
}
