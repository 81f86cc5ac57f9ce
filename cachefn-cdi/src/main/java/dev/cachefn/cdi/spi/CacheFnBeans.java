package dev.cachefn.cdi.spi;

import dev.cachefn.cdi.internal.CacheFnExtension;
import java.util.List;

/**
 * The beans and interceptors cachefn-cdi adds to a CDI container. The portable extension (Weld, OpenWebBeans)
 * adds them at {@code BeforeBeanDiscovery}; a container that runs no portable extension registers this same list
 * (cachefn-quarkus: as ArC additional beans at build time), so that a bean added, renamed or removed reaches
 * every container and no integration names these classes.
 *
 * <p>The classes are implementation: register them as they are, do not use or subclass them.
 */
public final class CacheFnBeans {

  private CacheFnBeans() {}

  /**
   * The registry and producer, the event bridge, the method plans and the two interceptors (one for
   * {@code @Memoize}, one for the four invalidation annotations); immutable.
   */
  public static List<Class<?>> classes() {
    return CacheFnExtension.beanClasses();
  }
}
