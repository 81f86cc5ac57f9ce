package dev.cachefn.memory.internal;

import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engines of one memory storage, one per namespace. A namespace's engine is made with the settings of the
 * first cache that opens it; a later cache sharing it must ask for the same {@code maxSize}, eviction policy and
 * ticker (the same instance: the engine reads one clock), else it is rejected rather than silently given the
 * first cache's.
 */
public final class Engines {

  private final ConcurrentHashMap<String, MemoryEngine<?>> byNamespace = new ConcurrentHashMap<>();
  /** The settings each namespace's engine was made with. */
  private final ConcurrentHashMap<String, KeyspaceSettings> madeWith = new ConcurrentHashMap<>();

  /** Opens a view of the namespace's engine, creating the engine on first use. */
  @SuppressWarnings("unchecked")
  public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
    MemoryEngine<V> engine = (MemoryEngine<V>) byNamespace.computeIfAbsent(
        settings.namespace(),
        namespace -> {
          madeWith.put(namespace, settings);
          return new MemoryEngine<>(namespace, settings.maxSize(), settings.ticker(),
              EvictionOrder.of(settings.evictionPolicy(), settings.maxSize()));
        });
    if (engine.maxSize() != settings.maxSize()) {
      throw new IllegalArgumentException("namespace '" + settings.namespace()
          + "' is already open on this memory storage with maxSize " + engine.maxSize()
          + "; a cache sharing it must use the same maxSize, not " + settings.maxSize());
    }
    KeyspaceSettings first = madeWith.get(settings.namespace());
    if (first.evictionPolicy() != settings.evictionPolicy()) {
      throw new IllegalArgumentException("namespace '" + settings.namespace()
          + "' is already open on this memory storage with evictionPolicy " + first.evictionPolicy()
          + "; a cache sharing it must use the same evictionPolicy, not " + settings.evictionPolicy());
    }
    if (first.ticker() != settings.ticker()) {
      throw new IllegalArgumentException("namespace '" + settings.namespace()
          + "' is already open on this memory storage with ticker " + first.ticker()
          + "; a cache sharing it must use the same ticker instance (its entries expire by one clock), not "
          + settings.ticker());
    }
    return new EngineView<>(engine, listener);
  }

  /** How many namespaces are open. */
  public int namespaceCount() {
    return byNamespace.size();
  }
}
