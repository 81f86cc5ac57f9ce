package dev.cachefn.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storages of a CDI application: started once per name when it deploys, shared by its caches, closed when it
 * stops; one that cannot start fails the deployment naming it and its caches. The test's storage provider is
 * registered through the context class loader only, so the other tests do not see it.
 */
class StorageLifecycleTest {

  /** A bean of the application, with a cache on the test's storage. */
  @ApplicationScoped
  static class Shop {
    @Inject @CacheName("users") Cache<String> users;

    Cache<String> users() {
      return users;
    }
  }

  /** Every storage the provider made, in order. */
  static final List<CountedStorage> MADE = new CopyOnWriteArrayList<>();

  @TempDir Path services;
  private ClassLoader before;
  private URLClassLoader withProvider;

  @BeforeEach
  void registerTheProvider() throws IOException {
    MADE.clear();
    Path file = services.resolve("META-INF/services/" + StorageProvider.class.getName());
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(CountedProvider.class.getName()));
    before = Thread.currentThread().getContextClassLoader();
    withProvider = new URLClassLoader(new URL[] {services.toUri().toURL()}, before);
    Thread.currentThread().setContextClassLoader(withProvider);
  }

  @AfterEach
  void restore() throws IOException {
    Thread.currentThread().setContextClassLoader(before);
    withProvider.close();
  }

  @Test
  void aStorageStartsOnceAtDeploymentIsSharedByItsCachesAndClosesAtShutdown() {
    Map<String, String> properties = Map.of(
        "cachefn.cache.users.storage", "counted",
        "cachefn.cache.orders.storage", "counted");
    try (CdiApp app = CdiApp.start(properties, Shop.class)) {
      assertThat(MADE).hasSize(1);
      CountedStorage storage = MADE.get(0);
      NamedCaches caches = app.bean(NamedCaches.class);
      Cache<String> users = caches.get("users");
      assertThat(app.bean(Shop.class).users()).isSameAs(users);
      Cache<String> orders = caches.get("orders");

      users.set("u1", "Ada");
      orders.set("o1", "kettle");

      assertThat(MADE).hasSize(1);
      assertThat(storage.opened).containsExactlyInAnyOrder("users", "orders");
      assertThat(users.get("u1")).isEqualTo("Ada");
      assertThat(storage.closes).isZero();
    }
    assertThat(MADE.get(0).closes).isEqualTo(1);
  }

  @Test
  void aStorageThatCannotStartFailsTheDeploymentNamingItAndItsCaches() {
    Map<String, String> properties = Map.of(
        "cachefn.cache.users.storage", "counted",
        "counted.fail", "counted.uri is not set");

    assertThatThrownBy(() -> CdiApp.start(properties, Shop.class).close())
        .hasMessageContaining("CacheFn configuration: storage 'counted' (used by cache 'users') cannot start:"
            + " counted.uri is not set");
  }

  /** An in-memory storage that records the namespaces it opens and how often it is closed. */
  static final class CountedStorage implements Storage, AutoCloseable {
    private final MemoryStorage memory = MemoryStorage.create();
    final List<String> opened = new CopyOnWriteArrayList<>();
    volatile int closes;

    @Override
    public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
      opened.add(settings.namespace());
      return memory.open(settings, listener);
    }

    @Override
    public void close() {
      closes++;
    }
  }

  /** {@code "counted"}: fails with the value of {@code counted.fail} when that property is set. */
  public static final class CountedProvider implements StorageProvider {
    @Override
    public String name() {
      return "counted";
    }

    @Override
    public Storage create() {
      org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("counted.fail", String.class)
          .ifPresent(reason -> {
            throw new IllegalStateException(reason);
          });
      CountedStorage storage = new CountedStorage();
      MADE.add(storage);
      return storage;
    }
  }
}
