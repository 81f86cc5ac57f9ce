package dev.cachefn.benchmarks.arc;

import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.annotations.CompilerControl;

/** {@link Users#find} memoized by CacheFn's {@code @Memoize}. */
@ApplicationScoped
public class MemoizedUsers extends CountedLoads {

  @Memoize(cache = "memoize-arc")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return load(id);
  }
}
