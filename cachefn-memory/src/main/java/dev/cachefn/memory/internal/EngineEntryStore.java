package dev.cachefn.memory.internal;

import dev.cachefn.EvictionPolicy;
import dev.cachefn.Ticker;
import dev.cachefn.memory.EntryStore;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EntryStore} on a {@link MemoryEngine} whose keys may be any object ({@code textKeys} off): each
 * method is the engine's own. Public only so that {@link EntryStore#create} can make one; the package is not
 * exported.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class EngineEntryStore<K, V> extends EngineFront<V> implements EntryStore<K, V> {

  private EngineEntryStore(MemoryEngine<V> engine) {
    super(engine);
  }

  /** See {@link EntryStore#create}. */
  @SuppressWarnings("unchecked")
  public static <K, V> EntryStore<K, V> create(String name, long maxSize, EvictionPolicy policy, Ticker ticker,
      BiConsumer<? super K, ? super V> onEviction) {
    Objects.requireNonNull(onEviction, "onEviction");
    MemoryEngine<V> engine = new MemoryEngine<>(name, maxSize, ticker, EvictionOrder.of(policy, maxSize), false);
    engine.addListener(new EngineListener<V>() {
      @Override
      public void evicted(Object key, V value) {
        onEviction.accept((K) key, value);
      }

      @Override
      public void expired(Object key, V value) {
        // entries here have no TTL
      }
    });
    return new EngineEntryStore<>(engine);
  }

  @Override
  public @Nullable V get(Object key) {
    return engine.get(key);
  }

  @Override
  public @Nullable V peek(Object key) {
    return engine.peek(key);
  }

  @Override
  public boolean contains(Object key) {
    return engine.contains(key);
  }

  @Override
  public void put(K key, V value, Set<String> tags) {
    engine.put(key, value, null, tags);
  }

  @Override
  public boolean remove(Object key) {
    return engine.remove(key);
  }

  @Override
  public boolean removeIf(Object key, V expected) {
    return engine.removeIf(key, expected);
  }

  @Override
  public Iterator<Map.Entry<K, V>> entries() {
    Iterator<Node<V>> nodes = engine.nodes();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return nodes.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Map.Entry<K, V> next() {
        Node<V> node = nodes.next();
        return new SimpleImmutableEntry<>((K) node.key, node.value);
      }
    };
  }

  @Override
  public long maxSize() {
    return engine.maxSize();
  }
}
