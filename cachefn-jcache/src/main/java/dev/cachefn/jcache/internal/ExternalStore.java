package dev.cachefn.jcache.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * The system of record behind a cache: its {@link CacheLoader} (read-through) and {@link CacheWriter}
 * (write-through), either of which may be absent. Failures come out as {@link CacheLoaderException} and
 * {@link CacheWriterException}, naming the key.
 */
final class ExternalStore<K, V> {

  private final CacheLoader<K, V> loader;
  private final CacheWriter<K, V> writer;

  ExternalStore(CacheLoader<K, V> loader, CacheWriter<K, V> writer) {
    this.loader = loader;
    this.writer = writer;
  }

  boolean hasLoader() {
    return loader != null;
  }

  V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("loading the value of key " + key + " failed", e);
    }
  }

  /** The loaded values (never null; may lack keys, or hold null keys or values the caller must skip). */
  Map<K, V> loadAll(List<K> keys) {
    try {
      Map<K, V> loaded = loader.loadAll(keys);
      return loaded == null ? Map.of() : loaded;
    } catch (CacheLoaderException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheLoaderException("loading " + keys.size() + " values failed", e);
    }
  }

  void write(K key, V value) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(new JCacheEntry<>(key, value));
    } catch (CacheWriterException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheWriterException("writing key " + key + " through failed", e);
    }
  }

  void delete(K key) {
    if (writer == null) {
      return;
    }
    try {
      writer.delete(key);
    } catch (CacheWriterException e) {
      throw e;
    } catch (Exception e) {
      throw new CacheWriterException("deleting key " + key + " through failed", e);
    }
  }

  /**
   * Writes {@code entries} through in one call. On failure, the entries the writer left unwritten are removed
   * from {@code entries} (so that the cache stores only what was written) and the failure is returned.
   */
  CacheWriterException writeAll(Map<K, V> entries) {
    if (writer == null || entries.isEmpty()) {
      return null;
    }
    List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(entries.size());
    entries.forEach((key, value) -> pending.add(new JCacheEntry<>(key, value)));
    try {
      writer.writeAll(pending);
      return null;
    } catch (Exception e) {
      for (Cache.Entry<? extends K, ? extends V> notWritten : pending) {
        entries.remove(notWritten.getKey());
      }
      return e instanceof CacheWriterException writerFailure ? writerFailure : new CacheWriterException(e);
    }
  }

  /**
   * Deletes {@code keys} through in one call. On failure, the keys the writer left undeleted are removed from
   * {@code keys} and the failure is returned.
   */
  CacheWriterException deleteAll(Set<K> keys) {
    if (writer == null || keys.isEmpty()) {
      return null;
    }
    List<Object> pending = new ArrayList<>(keys);
    try {
      writer.deleteAll(pending);
      return null;
    } catch (Exception e) {
      keys.removeAll(new HashSet<>(pending));
      return e instanceof CacheWriterException writerFailure ? writerFailure : new CacheWriterException(e);
    }
  }

  void close() {
    ListenerRegistration.closeQuietly(loader);
    ListenerRegistration.closeQuietly(writer);
  }
}
