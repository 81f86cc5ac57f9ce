package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.spi.StorageProvider;
import dev.cachefn.spi.StorageProviders;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two applications on one server: the thread's context class loader belongs to another application, with its
 * own copy of CacheFn (whose memory provider implements another {@code StorageProvider} class) and a provider
 * whose class is missing. This application still finds its own providers, and only those.
 */
class StorageLookupAcrossApplicationsTest {

  @TempDir Path services;

  /** A class loader like another application's: its own copies of the API and memory classes, and more. */
  private URLClassLoader otherApplication(String... extraProviders) throws IOException {
    Path file = services.resolve("META-INF/services/" + StorageProvider.class.getName());
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(extraProviders));
    URL api = StorageProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL memory = MemoryStorage.class.getProtectionDomain().getCodeSource().getLocation();
    return new URLClassLoader(new URL[] {services.toUri().toURL(), api, memory},
        ClassLoader.getPlatformClassLoader());
  }

  private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void anotherApplicationsProvidersOnTheContextLoaderAreSkippedNotFatal() throws Exception {
    try (URLClassLoader other = otherApplication("com.example.NoSuchProvider")) {
      List<StorageProvider> found = withContextLoader(other, StorageProviders::all);

      assertThat(found).extracting(StorageProvider::name).containsExactly("memory");
      assertThat(found.get(0).getClass().getClassLoader())
          .as("this application's own provider, not the other's copy")
          .isSameAs(StorageProvider.class.getClassLoader());
      // the other application's copy is really there: what ServiceLoader alone would have failed on
      assertThat(other.loadClass("dev.cachefn.memory.internal.MemoryStorageProvider"))
          .isNotSameAs(found.get(0).getClass());
    }
  }

  @Test
  void aCacheIsCreatedWhileAnotherApplicationsLoaderIsTheContext() throws Exception {
    try (URLClassLoader other = otherApplication("com.example.NoSuchProvider")) {
      Cache<String> cache = withContextLoader(other, () -> CacheFn.<String>builder("users").build());
      cache.set("a", "1");

      assertThat(cache.get("a")).isEqualTo("1");
    }
  }

  @Test
  void aProviderOnlyTheContextLoaderSeesIsFoundAfterTheOwnOnes() throws Exception {
    Path file = services.resolve("META-INF/services/" + StorageProvider.class.getName());
    Files.createDirectories(file.getParent());
    Files.write(file, List.of("com.example.NoSuchProvider", ContextOnlyProvider.class.getName()));
    try (URLClassLoader child = new URLClassLoader(new URL[] {services.toUri().toURL()},
        StorageProviders.class.getClassLoader())) {
      assertThat(withContextLoader(child, StorageProviders::names)).containsExactly("context-only", "memory");
      assertThat(withContextLoader(child, () -> StorageProviders.named("context-only")))
          .get().isInstanceOf(ContextOnlyProvider.class);
    }
    assertThat(StorageProviders.names()).containsExactly("memory");
  }

  /** A provider listed only in the context loader's service file. */
  public static final class ContextOnlyProvider implements StorageProvider {
    @Override
    public String name() {
      return "context-only";
    }

    @Override
    public dev.cachefn.spi.Storage create() {
      return MemoryStorage.create();
    }
  }
}
