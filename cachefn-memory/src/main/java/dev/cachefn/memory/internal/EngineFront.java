package dev.cachefn.memory.internal;

import dev.cachefn.spi.GlobPattern;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What every front of a {@link MemoryEngine} (a cache's {@link EngineView}, an {@link EngineEntryStore})
 * hands to the engine as it is: the bulk removals, the scans and the sizes. The fronts differ in their
 * reads, writes and listeners only.
 *
 * @param <V> the type of values
 */
abstract class EngineFront<V> {

  final MemoryEngine<V> engine;

  EngineFront(MemoryEngine<V> engine) {
    this.engine = engine;
  }

  public List<String> removeAll(Collection<String> keys) {
    return engine.removeAll(keys);
  }

  public int removeByTags(Collection<String> tags) {
    return engine.removeByTags(tags);
  }

  public int removeByPattern(GlobPattern pattern) {
    return engine.removeByPattern(pattern);
  }

  public int clear() {
    return engine.clear();
  }

  public List<String> keys(GlobPattern pattern) {
    return engine.keys(pattern);
  }

  public Map<String, V> entries(GlobPattern pattern, int limit) {
    return engine.entries(pattern, limit);
  }

  public long size() {
    return engine.size();
  }

  public long estimatedBytes() {
    return engine.estimatedBytes();
  }
}
