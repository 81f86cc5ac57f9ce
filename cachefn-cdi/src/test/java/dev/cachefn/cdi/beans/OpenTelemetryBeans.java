package dev.cachefn.cdi.beans;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** An {@link OpenTelemetry} bean, as MicroProfile Telemetry 2 provides one, read by an in-memory reader. */
@ApplicationScoped
public class OpenTelemetryBeans {

  public static final InMemoryMetricReader READER = InMemoryMetricReader.create();
  private static final OpenTelemetry SDK = OpenTelemetrySdk.builder()
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(READER).build()).build();

  @Produces
  OpenTelemetry openTelemetry() {
    return SDK;
  }
}
