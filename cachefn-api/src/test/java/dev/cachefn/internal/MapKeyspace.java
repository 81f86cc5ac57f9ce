package dev.cachefn.internal;

import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.RemovalListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A fake keyspace over a map, for tests of the cache layer: no TTL, tags ignored; beyond {@code maxSize} it
 * evicts its oldest entry and tells the listener after its lock is released, as real storages do. A test can
 * hook into {@link #putIfAbsent} to act while a fetched value is being stored, and a subclass can add an
 * optional capability of the SPI.
 */
class MapKeyspace<V> implements Keyspace<V> {

  private final LinkedHashMap<String, V> entries = new LinkedHashMap<>();
  private final long maxSize;
  private final RemovalListener<? super V> listener;
  volatile Consumer<String> duringPutIfAbsent = key -> {};

  MapKeyspace(long maxSize, RemovalListener<? super V> listener) {
    this.maxSize = maxSize;
    this.listener = listener;
  }

  @Override
  public synchronized @Nullable V get(String key) {
    return entries.get(key);
  }

  @Override
  public synchronized Map<String, V> getAll(Collection<String> keys) {
    Map<String, V> found = new LinkedHashMap<>();
    for (String key : keys) {
      V value = entries.get(key);
      if (value != null) {
        found.put(key, value);
      }
    }
    return found;
  }

  @Override
  public synchronized boolean contains(String key) {
    return entries.containsKey(key);
  }

  @Override
  public void put(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    Map.Entry<String, V> evicted;
    synchronized (this) {
      entries.put(key, value);
      evicted = overflow(key);
    }
    tell(evicted);
  }

  @Override
  public boolean putIfAbsent(String key, V value, @Nullable Duration ttl, Set<String> tags) {
    duringPutIfAbsent.accept(key);
    Map.Entry<String, V> evicted;
    synchronized (this) {
      if (entries.containsKey(key)) {
        return false;
      }
      entries.put(key, value);
      evicted = overflow(key);
    }
    tell(evicted);
    return true;
  }

  private Map.@Nullable Entry<String, V> overflow(String written) {
    if (entries.size() <= maxSize) {
      return null;
    }
    for (Map.Entry<String, V> entry : entries.entrySet()) {
      if (!entry.getKey().equals(written)) {
        Map.Entry<String, V> evicted = Map.entry(entry.getKey(), entry.getValue());
        entries.remove(entry.getKey());
        return evicted;
      }
    }
    return null;
  }

  private void tell(Map.@Nullable Entry<String, V> evicted) {
    if (evicted != null) {
      listener.evicted(evicted.getKey(), evicted.getValue());
    }
  }

  @Override
  public void putAll(Map<String, ? extends V> values, @Nullable Duration ttl, Set<String> tags) {
    values.forEach((key, value) -> put(key, value, ttl, tags));
  }

  @Override
  public synchronized boolean remove(String key) {
    return entries.remove(key) != null;
  }

  @Override
  public synchronized List<String> removeAll(Collection<String> keys) {
    List<String> removed = new ArrayList<>();
    for (String key : keys) {
      if (entries.remove(key) != null) {
        removed.add(key);
      }
    }
    return removed;
  }

  @Override
  public int removeByTags(Collection<String> tags) {
    return 0;
  }

  @Override
  public synchronized int removeByPattern(GlobPattern pattern) {
    List<String> matching = keys(pattern);
    matching.forEach(entries::remove);
    return matching.size();
  }

  @Override
  public synchronized int clear() {
    int count = entries.size();
    entries.clear();
    return count;
  }

  @Override
  public synchronized List<String> keys(GlobPattern pattern) {
    return entries.keySet().stream().filter(pattern::matches).toList();
  }

  @Override
  public synchronized Map<String, V> entries(GlobPattern pattern, int limit) {
    Map<String, V> found = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      if (found.size() < limit && pattern.matches(key)) {
        found.put(key, value);
      }
    });
    return found;
  }

  @Override
  public synchronized long size() {
    return entries.size();
  }

  @Override
  public long estimatedBytes() {
    return 0;
  }

  @Override
  public void close() {}
}
