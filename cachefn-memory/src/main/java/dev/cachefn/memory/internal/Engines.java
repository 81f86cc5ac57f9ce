package dev.cachefn.memory.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import java.util.concurrent.ConcurrentHashMap;

/** The engines of one memory storage, one per namespace. */
public final class Engines {

  private final ConcurrentHashMap<String, MemoryEngine<?>> byNamespace = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, EvictionPolicy> policies = new ConcurrentHashMap<>();

  /** Opens a view of the namespace's engine, creating the engine on first use. */
  @SuppressWarnings("unchecked")
  public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
    MemoryEngine<V> engine = (MemoryEngine<V>) byNamespace.computeIfAbsent(
        settings.namespace(),
        namespace -> {
          policies.put(namespace, settings.evictionPolicy());
          return new MemoryEngine<>(namespace, settings.maxSize(), settings.ticker(),
              EvictionOrder.of(settings.evictionPolicy(), settings.maxSize()));
        });
    if (engine.maxSize() != settings.maxSize()) {
      throw new IllegalArgumentException("namespace '" + settings.namespace()
          + "' is already open on this memory storage with maxSize " + engine.maxSize()
          + "; a cache sharing it must use the same maxSize, not " + settings.maxSize());
    }
    EvictionPolicy policy = policies.get(settings.namespace());
    if (policy != settings.evictionPolicy()) {
      throw new IllegalArgumentException("namespace '" + settings.namespace()
          + "' is already open on this memory storage with evictionPolicy " + policy
          + "; a cache sharing it must use the same evictionPolicy, not " + settings.evictionPolicy());
    }
    return new EngineView<>(engine, listener);
  }

  /** How many namespaces are open. */
  public int namespaceCount() {
    return byNamespace.size();
  }
}
