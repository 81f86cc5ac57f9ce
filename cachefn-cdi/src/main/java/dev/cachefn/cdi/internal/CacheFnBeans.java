package dev.cachefn.cdi.internal;

import java.util.List;

/**
 * The beans and interceptors cachefn-cdi adds to a CDI container: the one list that both {@link
 * CacheFnExtension} (Weld, OpenWebBeans: added at {@code BeforeBeanDiscovery}) and a container that runs no
 * portable extension (cachefn-quarkus registers them as ArC additional beans at build time) use, so that a
 * bean added, renamed or removed here reaches every container, and no integration names these classes as
 * strings.
 *
 * <p>The classes themselves stay package-private; an integration uses them only as classes to register.
 */
public final class CacheFnBeans {

  private static final List<Class<?>> CLASSES = List.of(CacheRegistry.class, CacheEventBridge.class,
      MethodPlans.class, MemoizeInterceptor.class, InvalidateInterceptor.class, InvalidateAllInterceptor.class,
      InvalidateTagsInterceptor.class, InvalidatePatternInterceptor.class);

  private CacheFnBeans() {}

  /** The registry and producer, the event bridge, the method plans and the five interceptors; immutable. */
  public static List<Class<?>> classes() {
    return CLASSES;
  }
}
