package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.metrics.CacheMetrics;
import jakarta.enterprise.inject.Instance;

/**
 * Chooses where cache metrics go, by what the application and the class path offer: an application's
 * {@link CacheMetrics} bean, else MicroProfile Metrics when its API is present and the container has a
 * registry, else {@link CacheMetrics#none()}. The MicroProfile classes are touched only after the check, so
 * the module runs without them.
 */
final class CacheMetricsSelection {

  static final String MICROPROFILE_REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";

  private CacheMetricsSelection() {}

  static CacheMetrics select(Instance<CacheMetrics> custom, Instance<Object> beans) {
    if (custom.isAmbiguous()) {
      throw new IllegalStateException("more than one CDI bean of type " + CacheMetrics.class.getName()
          + "; keep one, or mark the one to use @Alternative @Priority");
    }
    if (custom.isResolvable()) {
      return custom.get();
    }
    if (isPresent(MICROPROFILE_REGISTRY)) {
      CacheMetrics microProfile = MicroProfileCacheMetrics.of(beans);
      if (microProfile != null) {
        return microProfile;
      }
    }
    return CacheMetrics.none();
  }

  static boolean isPresent(String className) {
    try {
      Class.forName(className, false, CacheMetricsSelection.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
