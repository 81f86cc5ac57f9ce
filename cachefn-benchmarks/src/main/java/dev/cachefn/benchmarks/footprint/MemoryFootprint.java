package dev.cachefn.benchmarks.footprint;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachefn.benchmarks.FixedTtlExpiry;
import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.cache2k.Cache2kBuilder;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per entry, measured with JOL ({@code GraphLayout.parseInstance(cache).totalSize()}): each cache is
 * bounded at {@value #BOUND} entries and measured empty, with {@value #ENTRIES} entries, and after
 * {@code clear()}. Two figures per entry, both without the key strings themselves ({@code keys}, measured by
 * JOL) and with one shared value object, so they are what the cache adds around a key and a value, the way
 * Caffeine states its own overhead:
 *
 * <ul>
 *   <li><b>per entry</b> {@code = (full - cleared - keys) / ENTRIES}: the entry objects alone. A hash table
 *       keeps its grown array after {@code clear()}, so this leaves out the table, whatever its sizing;
 *   <li><b>with table growth</b> {@code = (full - empty - keys) / ENTRIES}: also the table array grown from
 *       empty (zero for a table allocated at its final size up front, as CacheFn's is).
 * </ul>
 *
 * <p>Before the empty measurement every cache is written, read and cleared once from the measuring thread,
 * so that structures made on first use (read-buffer stripes, counter cells, lazily loaded node classes)
 * are in both measurements and cancel out.
 *
 * <p>Second table: CacheFn's own {@code memoryUsageBytes} estimate against JOL for the same cache holding
 * distinct string values (keys and values included on both sides), without and with TTL and tags. JOL's "empty" includes whatever the
 * cache references (the table array allocated up front; the threads owning read-buffer stripes and counter
 * cells, with what they reach), which the estimate does not try to count: compare the per-entry row.
 *
 * <p>Caffeine runs with {@code executor(Runnable::run)} here, so that JOL does not walk the common pool's
 * threads and {@code cleanUp()} finishes before measuring.
 *
 * <p>Run with {@code -Djol.magicFieldOffset=true} and {@code --add-opens} for {@code java.base/java.lang},
 * {@code java.util}, {@code java.util.concurrent} (see the module README).
 */
public final class MemoryFootprint {

  static final int BOUND = 50_000;
  static final int ENTRIES = 25_000;
  private static final Duration TTL = Duration.ofHours(1);
  private static final String[] TAGS = tags(16);

  private MemoryFootprint() {}

  /** A cache under measurement: the object JOL walks, and how to write, read and clear it. */
  /**
   * One cache under measurement: {@code root} is the object JOL walks (the cache itself, so that the lambdas
   * here are not counted), the others write, read and empty it.
   */
  record Subject(Object root, BiConsumer<String, Object> writer, Consumer<String> reader, Runnable emptier) {

    void put(String key, Object value) {
      writer.accept(key, value);
    }

    void get(String key) {
      reader.accept(key);
    }

    void clear() {
      emptier.run();
    }
  }

  public static void main(String[] args) {
    String[] keys = new String[ENTRIES];
    for (int i = 0; i < ENTRIES; i++) {
      keys[i] = "key:" + i;
    }
    long keyBytes = GraphLayout.parseInstance((Object) keys).totalSize()
        - GraphLayout.parseInstance((Object) new Object[ENTRIES]).totalSize();

    System.out.printf(Locale.ROOT, "JDK %s (%s); %,d entries in caches bounded at %,d; key strings: %,d B"
            + " (%.1f B per key), excluded from the per-entry figure%n%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"), ENTRIES, BOUND, keyBytes,
        (double) keyBytes / ENTRIES);
    System.out.println("| cache | empty (B) | 25,000 entries (B) | after clear() (B) | per entry (B) |"
        + " with table growth (B) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Named named : subjects()) {
      measure(named, keys, keyBytes);
    }

    System.out.println();
    checkUsageEstimate(keys);
  }

  private static void measure(Named named, String[] keys, long keyBytes) {
    Subject subject = named.subject;
    subject.put("warm", Boolean.TRUE);
    subject.get("warm");
    subject.clear();
    long empty = size(subject.root());
    for (int i = 0; i < keys.length; i++) {
      subject.put(keys[i], Boolean.TRUE);
    }
    for (String key : keys) {
      subject.get(key);
    }
    long full = size(subject.root());
    subject.clear();
    long cleared = size(subject.root());
    System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %.1f |%n", named.name, empty, full, cleared,
        (double) (full - cleared - keyBytes) / keys.length, (double) (full - empty - keyBytes) / keys.length);
  }

  private static void checkUsageEstimate(String[] keys) {
    System.out.println("CacheFn's `memoryUsageBytes` estimate against JOL (" + String.format(Locale.ROOT, "%,d",
        keys.length) + " entries, key `key:<i>`, distinct string values `value:<i>`):");
    System.out.println();
    System.out.println("| entries | empty: estimate / JOL (B) | full: estimate / JOL (B) | per entry (full − empty):"
        + " estimate / JOL (B) | per entry, estimate ÷ JOL |");
    System.out.println("|---|---:|---:|---:|---:|");
    checkUsageEstimate("maxSize", keys, SetOptions.none(), 0);
    checkUsageEstimate("maxSize + TTL", keys, SetOptions.ttl(TTL), 0);
    checkUsageEstimate("maxSize + 1 tag", keys, SetOptions.none(), 1);
    checkUsageEstimate("maxSize + 3 tags", keys, SetOptions.none(), 3);
  }

  private static void checkUsageEstimate(String name, String[] keys, SetOptions options, int tagCount) {
    Cache<String> cache = CacheFn.builder("usage " + name).maxSize(BOUND).build();
    cache.set("warm", "warm", options);
    cache.get("warm");
    cache.clear();
    long emptyJol = size(cache);
    long emptyStat = cache.stats().memoryUsageBytes();
    for (int i = 0; i < keys.length; i++) {
      SetOptions entryOptions = options;
      if (tagCount > 0) {
        String[] tags = new String[tagCount];
        for (int t = 0; t < tagCount; t++) {
          tags[t] = TAGS[(i + t) & (TAGS.length - 1)];
        }
        entryOptions = SetOptions.tags(tags);
      }
      cache.set(keys[i], "value:" + i, entryOptions);
    }
    long fullJol = size(cache);
    long fullStat = cache.stats().memoryUsageBytes();
    System.out.printf(Locale.ROOT, "| %s | %,d / %,d | %,d / %,d | %.1f / %.1f | %.3f |%n", name, emptyStat, emptyJol,
        fullStat, fullJol, (double) (fullStat - emptyStat) / keys.length,
        (double) (fullJol - emptyJol) / keys.length, (double) (fullStat - emptyStat) / (fullJol - emptyJol));
    cache.close();
  }

  private static long size(Object root) {
    return GraphLayout.parseInstance(root).totalSize();
  }

  private static String[] tags(int count) {
    String[] tags = new String[count];
    for (int i = 0; i < count; i++) {
      tags[i] = "tag:" + i;
    }
    return tags;
  }

  private record Named(String name, Subject subject) {}

  private static List<Named> subjects() {
    List<Named> subjects = new ArrayList<>();
    subjects.add(new Named("CacheFn, maxSize (stats on, the default)", cacheFn(BOUND, true, SetOptions.none())));
    subjects.add(new Named("CacheFn, maxSize, stats off", cacheFn(BOUND, false, SetOptions.none())));
    subjects.add(new Named("CacheFn, maxSize = Long.MAX_VALUE (unbounded)",
        cacheFn(Long.MAX_VALUE, true, SetOptions.none())));
    subjects.add(new Named("CacheFn, maxSize + TTL", cacheFn(BOUND, true, SetOptions.ttl(TTL))));
    subjects.add(new Named("CacheFn, maxSize + 1 tag", taggedCacheFn(1)));
    subjects.add(new Named("CacheFn, maxSize + 3 tags", taggedCacheFn(3)));
    subjects.add(new Named("Caffeine, maximumSize", caffeine(false)));
    subjects.add(new Named("Caffeine, maximumSize + expireAfter(Expiry)", caffeine(true)));
    subjects.add(new Named("ConcurrentHashMap", chm()));
    subjects.add(new Named("Guava, maximumSize", guava()));
    subjects.add(new Named("cache2k, entryCapacity", cache2k()));
    subjects.add(new Named("Ehcache 3, heap(entries)", ehcache()));
    return subjects;
  }

  private static Subject cacheFn(long maxSize, boolean stats, SetOptions options) {
    Cache<Object> cache = CacheFn.builder("footprint").maxSize(maxSize).recordStats(stats).build();
    return new Subject(cache, (key, value) -> cache.set(key, value, options), cache::get, cache::clear);
  }

  private static Subject taggedCacheFn(int tagCount) {
    Cache<Object> cache = CacheFn.builder("footprint-tags").maxSize(BOUND).build();
    AtomicInteger next = new AtomicInteger(); // the rotation through TAGS, one step per put
    return new Subject(cache, (key, value) -> {
      int first = next.getAndIncrement();
      String[] tags = new String[tagCount];
      for (int t = 0; t < tagCount; t++) {
        tags[t] = TAGS[(first + t) & (TAGS.length - 1)];
      }
      cache.set(key, value, SetOptions.tags(tags));
    }, cache::get, cache::clear);
  }

  private static Subject caffeine(boolean expiry) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(BOUND);
    if (expiry) {
      builder.expireAfter(new FixedTtlExpiry<Object, Object>(TTL));
    }
    com.github.benmanes.caffeine.cache.Cache<String, Object> cache = builder.executor(Runnable::run).build();
    return new Subject(cache, cache::put, cache::getIfPresent,
        () -> {
          cache.invalidateAll();
          cache.cleanUp();
        });
  }

  private static Subject chm() {
    ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();
    return new Subject(map, map::put, map::get, map::clear);
  }

  private static Subject guava() {
    com.google.common.cache.Cache<String, Object> cache =
        com.google.common.cache.CacheBuilder.newBuilder().maximumSize(BOUND).build();
    return new Subject(cache, cache::put, cache::getIfPresent,
        () -> {
          cache.invalidateAll();
          cache.cleanUp();
        });
  }

  private static Subject cache2k() {
    org.cache2k.Cache<String, Object> cache = Cache2kBuilder.of(String.class, Object.class)
        .name("footprint").entryCapacity(BOUND).build();
    return new Subject(cache, cache::put, cache::peek, cache::clear);
  }

  private static Subject ehcache() {
    CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder()
        .withCache("footprint", CacheConfigurationBuilder.newCacheConfigurationBuilder(
            String.class, Object.class, ResourcePoolsBuilder.heap(BOUND)))
        .build(true);
    org.ehcache.Cache<String, Object> cache = manager.getCache("footprint", String.class, Object.class);
    return new Subject(cache, cache::put, cache::get, cache::clear);
  }
}
