package dev.cachefn.benchmarks.arc;

import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.annotations.CompilerControl;

/** {@link Users#find} memoized by CacheFn's {@code @Memoize}. */
@ApplicationScoped
public class MemoizedUsers {

  private int loads;

  @Memoize(cache = "memoize-arc")
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    loads++;
    return Users.load(id);
  }

  /** How often the method body ran: once per id when every later call hits. */
  public int loads() {
    return loads;
  }
}
