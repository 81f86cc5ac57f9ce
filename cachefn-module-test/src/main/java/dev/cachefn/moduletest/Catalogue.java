package dev.cachefn.moduletest;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.SetOptions;
import dev.cachefn.memory.EntryStore;
import dev.cachefn.memory.MemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an application module does with CacheFn, written against the exported packages only: a cache on the
 * default storage, one on an explicit {@link MemoryStorage}, and an {@link EntryStore}. If an exported type
 * needed an internal one, this would not compile.
 */
public final class Catalogue {

  private Catalogue() {}

  /** A cache on the storage CacheFn finds by itself: the {@code "memory"} provider, through {@code provides}. */
  public static Cache<String> defaultCache(String name) {
    return CacheFn.builder(name).maxSize(100).build();
  }

  /** A cache on a memory storage the application made. */
  public static Cache<String> memoryCache(String name) {
    return CacheFn.builder(name).storage(MemoryStorage.create()).maxSize(100).build();
  }

  /** Fills an entry store of two entries with three and returns the keys it evicted. */
  public static List<Object> evictedFromEntryStore() {
    List<Object> evicted = new ArrayList<>();
    EntryStore<Integer, String> store = EntryStore.create("module-test", 2, EvictionPolicy.LRU, () -> 0L,
        (key, value) -> evicted.add(key));
    store.put(1, "one", Set.of());
    store.put(2, "two", Set.of());
    store.put(3, "three", Set.of());
    return evicted;
  }

  /** Sets a tagged entry and invalidates it by tag; returns what is left under the key. */
  public static @Nullable String setThenInvalidateByTag(Cache<String> cache) {
    cache.set("p:1", "book", SetOptions.none().withTags("books"));
    cache.invalidateByTag("books");
    return cache.get("p:1");
  }
}
