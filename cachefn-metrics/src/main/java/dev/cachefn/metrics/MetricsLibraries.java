package dev.cachefn.metrics;

/**
 * Which metrics libraries the class path has, asked without loading any of their classes into a binding: a
 * runtime picks a binding only when its library is present, as SmallRye Fault Tolerance does.
 */
public final class MetricsLibraries {

  private MetricsLibraries() {}

  /** Whether the OpenTelemetry API is present, for {@link OpenTelemetryCacheMetrics}. */
  public static boolean hasOpenTelemetry() {
    return isPresent("io.opentelemetry.api.metrics.Meter");
  }

  /** Whether Micrometer is present, for {@link MicrometerCacheMetrics}. */
  public static boolean hasMicrometer() {
    return isPresent("io.micrometer.core.instrument.MeterRegistry");
  }

  /** Whether the MicroProfile Metrics API is present, for {@link MicroProfileCacheMetrics}. */
  public static boolean hasMicroProfileMetrics() {
    return isPresent("org.eclipse.microprofile.metrics.MetricRegistry");
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, MetricsLibraries.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
