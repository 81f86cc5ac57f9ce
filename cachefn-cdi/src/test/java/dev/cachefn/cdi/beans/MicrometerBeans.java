package dev.cachefn.cdi.beans;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** A {@link MeterRegistry} bean, as a plain application or WildFly's Micrometer subsystem provides one. */
@ApplicationScoped
public class MicrometerBeans {

  public static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

  @Produces
  MeterRegistry registry() {
    return REGISTRY;
  }
}
