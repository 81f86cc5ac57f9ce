package dev.cachefn.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Hands the application's {@link MetricRegistry} to tests (SmallRye's producer needs an injection point). */
@ApplicationScoped
public class ApplicationMetrics {

  @Inject MetricRegistry registry;

  public MetricRegistry registry() {
    return registry;
  }
}
