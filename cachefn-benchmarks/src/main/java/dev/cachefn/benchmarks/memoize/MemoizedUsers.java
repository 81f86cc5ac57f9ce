package dev.cachefn.benchmarks.memoize;

import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The bean under test: {@link Users#find} memoized by CacheFn's CDI interceptor, and the same body called
 * through the container without caching: through the client proxy alone, and through an interceptor that only
 * proceeds.
 */
@ApplicationScoped
public class MemoizedUsers {

  @Memoize(cache = "memoize-benchmark")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return Users.load(id);
  }

  /** As {@link #find}, with a tag that reads the argument: rendered when a result is stored, not on a hit. */
  @Memoize(cache = "memoize-benchmark-tagged", tags = {"users", "user:{0}"})
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String findTagged(String id) {
    return Users.load(id);
  }

  /** No interceptor: what the client proxy of an application-scoped bean costs. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String findThroughProxy(String id) {
    return Users.load(id);
  }

  /** An interceptor that only proceeds: what any intercepted call costs in this container. */
  @PassThrough
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String findPassedThrough(String id) {
    return Users.load(id);
  }
}
