package dev.cachefn.cdi;

import dev.cachefn.cdi.internal.CacheFnExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * A Weld SE container for one test: discovery off, the CacheFn extension added explicitly, the given bean
 * classes, and a MicroProfile Config made of exactly the given properties.
 */
public final class CdiApp implements AutoCloseable {

  private final SeContainer container;
  private final Config config;

  private CdiApp(SeContainer container, Config config) {
    this.container = container;
    this.config = config;
  }

  public static CdiApp start(Class<?>... beans) {
    return start(Map.of(), beans);
  }

  public static CdiApp start(Map<String, String> properties, Class<?>... beans) {
    return start(properties, List.of(), beans);
  }

  /** Also with {@code extensions}, such as SmallRye Metrics' {@code LegacyMetricsExtension}. */
  public static CdiApp start(Map<String, String> properties, List<Extension> extensions, Class<?>... beans) {
    Config config = useConfig(properties);
    try {
      SeContainer container = SeContainerInitializer.newInstance()
          .disableDiscovery()
          .addExtensions(new CacheFnExtension())
          .addExtensions(extensions.toArray(Extension[]::new))
          .addBeanClasses(beans)
          .initialize();
      return new CdiApp(container, config);
    } catch (RuntimeException e) {
      ConfigProviderResolver.instance().releaseConfig(config);
      throw e;
    }
  }

  /** Replaces the config of the test's class loader, which is the one CacheFn reads. */
  private static Config useConfig(Map<String, String> properties) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    resolver.releaseConfig(resolver.getConfig(loader));
    Config config = new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .build();
    resolver.registerConfig(config, loader);
    return config;
  }

  public <T> T bean(Class<T> type, Annotation... qualifiers) {
    return container.select(type, qualifiers).get();
  }

  public <T> T bean(TypeLiteral<T> type, Annotation... qualifiers) {
    return container.select(type, qualifiers).get();
  }

  @Override
  public void close() {
    try {
      container.close();
    } finally {
      ConfigProviderResolver.instance().releaseConfig(config);
    }
  }
}
