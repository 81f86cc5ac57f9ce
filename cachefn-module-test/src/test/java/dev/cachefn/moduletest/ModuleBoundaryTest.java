package dev.cachefn.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachefn.Cache;
import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.StorageProvider;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module-info of cachefn-api and cachefn-memory, seen from an application module on the module path: the
 * API works, exactly the public packages are exported (to everyone, with no qualified export naming a
 * downstream module), and the internal packages stay closed even to reflection.
 */
class ModuleBoundaryTest {

  private static final Module API = Cache.class.getModule();
  private static final Module MEMORY = MemoryStorage.class.getModule();

  @Test
  void theTestsRunInANamedModuleThatReadsCacheFnFromTheModulePath() {
    assertEquals("dev.cachefn.moduletest", ModuleBoundaryTest.class.getModule().getName());
    assertEquals("dev.cachefn.api", API.getName());
    assertEquals("dev.cachefn.memory", MEMORY.getName());
    assertTrue(ModuleBoundaryTest.class.getModule().canRead(API), "read through requires transitive");
  }

  @Test
  void aCacheWorksOnTheDefaultStorageFoundThroughProvides() {
    try (Cache<String> cache = Catalogue.defaultCache("module-default")) {
      cache.set("k", "v");
      assertEquals("v", cache.get("k"));
      assertNull(Catalogue.setThenInvalidateByTag(cache));
    }
    List<String> providers = ServiceLoader.load(StorageProvider.class).stream()
        .map(provider -> provider.get().name()).collect(Collectors.toList());
    assertEquals(List.of("memory"), providers);
  }

  @Test
  void aCacheWorksOnAnExplicitMemoryStorage() {
    try (Cache<String> cache = Catalogue.memoryCache("module-explicit")) {
      assertNull(Catalogue.setThenInvalidateByTag(cache));
    }
  }

  @Test
  void theEntryStoreIsUsableThroughItsPublicInterface() {
    assertEquals(List.of(1), Catalogue.evictedFromEntryStore());
  }

  @Test
  void onlyThePublicPackagesAreExportedAndToEveryone() {
    assertEquals(Set.of("dev.cachefn", "dev.cachefn.spi"), unqualifiedExports(API));
    assertEquals(Set.of("dev.cachefn.memory"), unqualifiedExports(MEMORY));
    for (Module module : List.of(API, MEMORY)) {
      for (ModuleDescriptor.Exports export : module.getDescriptor().exports()) {
        assertFalse(export.isQualified(), module.getName() + " exports " + export.source() + " to "
            + export.targets() + ": a lower module must not name its consumers");
      }
      assertTrue(module.getDescriptor().opens().isEmpty(), module.getName() + " opens packages");
    }
  }

  @Test
  void theInternalPackagesAreClosedToThisModule() {
    Module me = ModuleBoundaryTest.class.getModule();
    assertTrue(API.getPackages().contains("dev.cachefn.internal"));
    assertFalse(API.isExported("dev.cachefn.internal", me));
    assertTrue(MEMORY.getPackages().contains("dev.cachefn.memory.internal"));
    assertFalse(MEMORY.isExported("dev.cachefn.memory.internal", me));
    assertFalse(MEMORY.isOpen("dev.cachefn.memory.internal", me));
  }

  @Test
  void reflectionCannotReachAPublicMethodOfAnInternalClass() throws Exception {
    // the storage provider is a public class with a public constructor, but its package is not exported
    Class<?> internal = MemoryStorage.class.getModule().getClassLoader()
        .loadClass("dev.cachefn.memory.internal.MemoryStorageProvider");
    assertEquals(MEMORY, internal.getModule());
    assertThrows(IllegalAccessException.class, () -> internal.getConstructor().newInstance());
  }

  private static Set<String> unqualifiedExports(Module module) {
    return module.getDescriptor().exports().stream().filter(export -> !export.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
  }
}
