package dev.cachefn.benchmarks.memoize;

import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.annotations.CompilerControl;

/** The bean under test: {@link Users#find} memoized by CacheFn's CDI interceptor. */
@ApplicationScoped
public class MemoizedUsers {

  @Memoize(cache = "memoize-benchmark")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return Users.load(id);
  }
}
