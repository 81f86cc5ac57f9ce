package dev.cachefn.benchmarks.arc;

import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * {@link Users#find} as a bean with no cache: through ArC's client proxy alone, and through an interceptor that
 * only proceeds, the floor under any interceptor.
 */
@ApplicationScoped
public class ContainerUsers {

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String find(String id) {
    return Users.load(id);
  }

  @PassThrough
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public String findPassedThrough(String id) {
    return Users.load(id);
  }
}
