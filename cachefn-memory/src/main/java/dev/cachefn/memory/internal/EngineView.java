package dev.cachefn.memory.internal;

import dev.cachefn.spi.ConditionalWrites;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.LookupCounter;
import dev.cachefn.spi.LookupCounting;
import dev.cachefn.spi.RemovalListener;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One cache's view of a {@link MemoryEngine}: the engine's operations plus this cache's removal listener,
 * and, for the first view of the namespace that asks, the counting of its lookups.
 */
final class EngineView<V> extends EngineFront<V>
    implements Keyspace<V>, LookupCounting<V>, ConditionalWrites<V> {

  private final EngineListener<V> listener;
  private @Nullable StripeCounter<V> counter; // guarded by this

  EngineView(MemoryEngine<V> engine, RemovalListener<? super V> listener) {
    super(engine);
    this.listener = new EngineListener<>() {
      @Override
      public void evicted(Object key, V value) {
        listener.evicted((String) key, value);
      }

      @Override
      public void expired(Object key, V value) {
        listener.expired((String) key, value);
      }
    };
    engine.addListener(this.listener);
  }

  @Override
  public @Nullable V get(String key) {
    return engine.get(key);
  }

  @Override
  public Map<String, V> getAll(Collection<String> keys) {
    Map<String, V> found = new LinkedHashMap<>();
    for (String key : keys) {
      V value = engine.get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  @Override
  public boolean contains(String key) {
    return engine.contains(key);
  }

  @Override
  public void put(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    engine.put(key, value, ttl, tags);
  }

  @Override
  public boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    return engine.putIfAbsent(key, value, ttl, tags);
  }

  /**
   * Compares the object itself: swaps in {@code value} if the entry still holds {@code expected}, in one step
   * (the key never reads as absent, and the eviction order sees an overwrite, not a new entry).
   */
  @Override
  public boolean replace(String key, V expected, V value, @Nullable Duration ttl, Set<String> tags) {
    return engine.replaceIf(key, expected, value, ttl, tags);
  }

  /** Compares the object itself. */
  @Override
  public boolean remove(String key, V expected) {
    return engine.removeIf(key, expected);
  }

  @Override
  public void putAll(Map<String, ? extends V> entries, @Nullable Duration ttl, Set<String> tags) {
    engine.putAll(entries, ttl, tags);
  }

  @Override
  public boolean remove(String key) {
    return engine.remove(key);
  }

  @Override
  public synchronized @Nullable LookupCounter<V> lookupCounter() {
    if (counter == null && engine.counts().claim(this)) {
      counter = new StripeCounter<>(engine);
    }
    return counter;
  }

  @Override
  public synchronized void close() {
    engine.removeListener(listener);
    if (counter != null) {
      engine.counts().release(this);
    }
  }

  /**
   * Counts a view's lookups in the engine's read buffer, where a hit costs no lookup of a counter of its
   * own; the engine counts for one view at a time, so the counts are the view's since it claimed them. A
   * nested class holding the engine itself: a hit reaches the engine in one load, not two through the view.
   */
  private static final class StripeCounter<V> implements LookupCounter<V> {
    private final MemoryEngine<V> engine;
    private final LookupCounts counts;
    private final long hitsBefore;
    private final long missesBefore;

    StripeCounter(MemoryEngine<V> engine) {
      this.engine = engine;
      this.counts = engine.counts();
      this.hitsBefore = counts.hits();
      this.missesBefore = counts.misses();
    }

    @Override
    public @Nullable V get(String key) {
      return engine.getCounted(key);
    }

    @Override
    public void add(long hits, long misses) {
      counts.add(hits, misses);
    }

    @Override
    public long hits() {
      return counts.hits() - hitsBefore;
    }

    @Override
    public long misses() {
      return counts.misses() - missesBefore;
    }
  }
}
