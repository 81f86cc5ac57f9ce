package dev.cachefn.jcache.internal;

import dev.cachefn.jcache.internal.OperationRecorder.Timing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.integration.CacheWriterException;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;

/**
 * What each JCache operation does to a cache's entries, with its statistics and events: the semantics of
 * {@link JCacheCache}, which checks the arguments and the cache's state and calls here. Each change of one
 * key is one {@link KeyStep} run by {@link EntryTable#compute} under the key's lock, so a decision, its
 * write-through call ({@link ExternalStore}), its expiry and its events are atomic per key; each operation
 * begins and ends at the {@link OperationRecorder}, which applies its {@link Effects} after the lock is
 * released. Values are copied in and out through the {@link Copier} (store-by-value).
 *
 * <p>Thread-safe.
 */
final class EntryOperations<K, V> {

  private final EntryTable<K, V> table;
  private final ExpiryTimes expiry;
  private final ExternalStore<K, V> external;
  private final boolean readThrough;
  private final Copier copier;
  private final EntryChecks checks;
  private final OperationRecorder<K, V> recorder;

  EntryOperations(EntryTable<K, V> table, ExpiryTimes expiry, ExternalStore<K, V> external, boolean readThrough,
      Copier copier, EntryChecks checks, OperationRecorder<K, V> recorder) {
    this.table = table;
    this.expiry = expiry;
    this.external = external;
    this.readThrough = readThrough;
    this.copier = copier;
    this.checks = checks;
    this.recorder = recorder;
  }

  // ---- reads and loading ------------------------------------------------------------------------------

  V get(K key) {
    Effects<K, V> effects = recorder.begin();
    V value = readLive(key, effects);
    if (value == null && readThrough) {
      value = external.load(key);
      if (value != null) {
        storeLoaded(key, value, false, effects);
      }
    }
    recorder.end(effects, Timing.GET);
    return value;
  }

  Map<K, V> getAll(Set<? extends K> keys) {
    Effects<K, V> effects = recorder.begin();
    Map<K, V> result = new HashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      V value = readLive(key, effects);
      if (value != null) {
        result.put(key, value);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty() && readThrough) {
      external.loadAll(missing).forEach((key, value) -> {
        if (key != null && value != null) {
          storeLoaded(key, value, false, effects);
          result.put(key, value);
        }
      });
    }
    recorder.end(effects, Timing.GET);
    return result;
  }

  /** Whether {@code key} has a live entry; JCache counts no hit or miss for it. */
  boolean containsKey(K key) {
    return table.contains(key);
  }

  /** The background part of {@code loadAll}: loads {@code keys} and stores what the loader gave. */
  void load(List<K> keys, boolean replaceExisting) {
    Effects<K, V> effects = recorder.begin();
    external.loadAll(keys).forEach((key, value) -> {
      if (key != null && value != null) {
        storeLoaded(key, value, replaceExisting, effects);
      }
    });
    recorder.end(effects, Timing.NONE);
  }

  /** The live value under {@code key} (a copy when storing by value), counting a hit or a miss. */
  private V readLive(K key, Effects<K, V> effects) {
    StoredEntry<V> entry = table.read(key, effects);
    return effects.lookedUp(entry) ? copier.copy(entry.value) : null;
  }

  /** Stores a value the loader gave: created when absent, replaced only if {@code replaceExisting}. */
  private void storeLoaded(K key, V value, boolean replaceExisting, Effects<K, V> effects) {
    checks.checkTypes(key, value);
    table.compute(copier.copy(key), effects, (k, live, now) ->
        live != null && !replaceExisting ? live : store(k, live, value, now, effects));
  }

  // ---- writes -----------------------------------------------------------------------------------------

  void put(K key, V value) {
    Effects<K, V> effects = recorder.begin();
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      external.write(k, value);
      return store(k, live, value, now, effects);
    });
    recorder.end(effects, Timing.PUT);
  }

  V getAndPut(K key, V value) {
    Effects<K, V> effects = recorder.begin();
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      external.write(k, value);
      if (effects.lookedUp(live)) {
        effects.previous = live.value;
      }
      return store(k, live, value, now, effects);
    });
    recorder.end(effects, Timing.GET_AND_PUT);
    return copyOf(effects.previous);
  }

  /** Writes {@code map} through as one batch, then stores it; a writer's failure is thrown last. */
  void putAll(Map<? extends K, ? extends V> map) {
    Effects<K, V> effects = recorder.begin();
    Map<K, V> entries = new HashMap<>(map);
    CacheWriterException failure = external.writeAll(entries);
    entries.forEach((key, value) ->
        table.compute(copier.copy(key), effects, (k, live, now) -> store(k, live, value, now, effects)));
    recorder.end(effects, Timing.PUT);
    if (failure != null) {
      throw failure;
    }
  }

  boolean putIfAbsent(K key, V value) {
    Effects<K, V> effects = recorder.begin();
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      if (effects.lookedUp(live)) {
        return live;
      }
      external.write(k, value);
      effects.applied = true;
      return store(k, null, value, now, effects);
    });
    recorder.end(effects, Timing.PUT);
    return effects.applied;
  }

  boolean replace(K key, V oldValue, V newValue) {
    Effects<K, V> effects = recorder.begin();
    whenLiveEquals(key, oldValue, effects, (k, live, now) -> {
      external.write(k, newValue);
      return store(k, live, newValue, now, effects);
    });
    recorder.end(effects, Timing.PUT);
    return effects.applied;
  }

  /** Replaces a live entry; returns its old value (a copy only if {@code copy}), or null when absent. */
  V getAndReplace(K key, V value, boolean copy) {
    Effects<K, V> effects = recorder.begin();
    table.compute(key, effects, (k, live, now) -> {
      if (!effects.lookedUp(live)) {
        return null;
      }
      external.write(k, value);
      effects.previous = live.value;
      return store(k, live, value, now, effects);
    });
    recorder.end(effects, Timing.GET_AND_PUT);
    return copy ? copyOf(effects.previous) : effects.previous;
  }

  // ---- removals ---------------------------------------------------------------------------------------

  boolean remove(K key) {
    Effects<K, V> effects = recorder.begin();
    table.compute(key, effects, (k, live, now) -> {
      external.delete(k);
      if (live != null) {
        effects.applied = true;
        effects.removed(k, live.value);
      }
      return null;
    });
    recorder.end(effects, Timing.REMOVE);
    return effects.applied;
  }

  boolean remove(K key, V oldValue) {
    Effects<K, V> effects = recorder.begin();
    whenLiveEquals(key, oldValue, effects, (k, live, now) -> {
      external.delete(k);
      effects.removed(k, live.value);
      return null;
    });
    recorder.end(effects, Timing.REMOVE);
    return effects.applied;
  }

  V getAndRemove(K key) {
    Effects<K, V> effects = recorder.begin();
    table.compute(key, effects, (k, live, now) -> {
      external.delete(k);
      if (effects.lookedUp(live)) {
        effects.removed(k, live.value);
        effects.previous = live.value;
      }
      return null;
    });
    recorder.end(effects, Timing.GET_AND_REMOVE);
    return copyOf(effects.previous);
  }

  /** Removes every entry as {@link #removeAll(Set)} does: through the writer, with events. */
  void removeAll() {
    removeAll(table.keys());
  }

  /** Drops every entry: no writer, no events. */
  void clear() {
    table.clear();
  }

  /** Deletes {@code keys} through as one batch, then removes them; a writer's failure is thrown last. */
  void removeAll(Set<K> keys) {
    Effects<K, V> effects = recorder.begin();
    CacheWriterException failure = external.deleteAll(keys);
    for (K key : keys) {
      table.compute(key, effects, (k, live, now) -> {
        if (live != null) {
          effects.removed(k, live.value);
        }
        return null;
      });
    }
    recorder.end(effects, Timing.REMOVE);
    if (failure != null) {
      throw failure;
    }
  }

  // ---- entry processors -------------------------------------------------------------------------------

  <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    Effects<K, V> effects = recorder.begin();
    table.compute(copier.copy(key), effects, (k, live, now) -> {
      effects.lookedUp(live);
      ProcessorEntry<K, V> entry = new ProcessorEntry<>(
          k, live == null ? null : copier.copy(live.value),
          readThrough ? external::load : null);
      effects.processed(process(processor, entry, arguments));
      return applyProcessed(k, live, entry, now, effects);
    });
    recorder.end(effects, Timing.GET);
    return effects.processed();
  }

  private static <K, V, T> T process(EntryProcessor<K, V, T> processor, ProcessorEntry<K, V> entry,
      Object... arguments) {
    try {
      return processor.process(entry, arguments);
    } catch (EntryProcessorException e) {
      throw e;
    } catch (Exception e) {
      throw new EntryProcessorException(e);
    }
  }

  private StoredEntry<V> applyProcessed(K key, StoredEntry<V> live, ProcessorEntry<K, V> entry, long now,
      Effects<K, V> effects) {
    switch (entry.outcome()) {
      case WRITTEN:
        checks.checkTypes(key, entry.value());
        external.write(key, entry.value());
        return store(key, live, entry.value(), now, effects);
      case LOADED:
        return store(key, live, entry.value(), now, effects);
      case REMOVED:
        external.delete(key);
        effects.removed(key, live.value);
        return null;
      case DELETED_ABSENT:
        external.delete(key);
        return null;
      case ACCESSED:
        live.expireAt(expiry.forAccess(now));
        return live;
      default:
        return live;
    }
  }

  // ---- one entry --------------------------------------------------------------------------------------

  /**
   * Runs {@code onMatch} for {@code key} if its live value equals {@code expected} (a hit), and marks the
   * effects {@link Effects#applied applied} once it returned; a live entry with another value only counts
   * as accessed (a hit, its expiry moved by the access policy); none is a miss.
   */
  private void whenLiveEquals(K key, V expected, Effects<K, V> effects, KeyStep<K, V> onMatch) {
    table.compute(key, effects, (k, live, now) -> {
      if (!effects.lookedUp(live)) {
        return null;
      }
      if (!live.value.equals(expected)) {
        live.expireAt(expiry.forAccess(now));
        return live;
      }
      StoredEntry<V> next = onMatch.apply(k, live, now);
      effects.applied = true;
      return next;
    });
  }

  /**
   * The entry that holds {@code value} after a write: a creation when {@code live} is null (null, so not
   * stored, if the creation expiry is zero), else an update. Records the put and its event.
   */
  private StoredEntry<V> store(K key, StoredEntry<V> live, V value, long now, Effects<K, V> effects) {
    if (live == null) {
      long expiresAt = expiry.forCreation(now);
      if (ExpiryTimes.isExpired(expiresAt, now)) {
        return null;
      }
      effects.created(key, value);
      return new StoredEntry<>(copier.copy(value), expiresAt);
    }
    long expiresAt = expiry.forUpdate(now);
    effects.updated(key, value, live.value);
    return new StoredEntry<>(copier.copy(value), expiresAt == ExpiryTimes.UNCHANGED ? live.expiresAt() : expiresAt);
  }

  private V copyOf(V value) {
    return value == null ? null : copier.copy(value);
  }
}
