package dev.cachefn.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 5a: the cost of tags on a write. Writes to present keys (as in {@link ReadWriteBenchmark#write})
 * with 0, 1 or 3 tags per entry. Each key always gets the same tags ({@code "g<j>:<hash mod 16>"}), so a
 * tag holds about 1/16 of the keys. {@code Caffeine} here means what users write by hand today: a Caffeine
 * cache plus a {@code ConcurrentHashMap<tag, Set<key>>} updated on every write (and never cleaned on
 * eviction). The {@link SetOptions} and tag arrays are made in the setup, not while measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TagSetBenchmark {

  @Param({"CacheFn", "Caffeine"})
  public String impl;

  @Param({"0", "1", "3"})
  public int tags;

  String[] keys;
  SetOptions[] options;
  String[][] tagNames;
  Cache<Object> cacheFn;
  HandTagged handTagged;

  @Setup
  public void setup() {
    keys = Keys.zipf();
    options = new SetOptions[keys.length];
    tagNames = new String[keys.length][];
    Map<String, String[]> byKey = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      String[] names = byKey.computeIfAbsent(keys[i], key -> tagsOf(key, tags));
      tagNames[i] = names;
      options[i] = SetOptions.tags(names);
    }
    switch (impl) {
      case "CacheFn":
        cacheFn = dev.cachefn.CacheFn.builder("tags").maxSize(Keys.CAPACITY).build();
        break;
      case "Caffeine":
        handTagged = new HandTagged(Keys.CAPACITY);
        break;
      default:
        throw new IllegalArgumentException("impl must be CacheFn or Caffeine, got " + impl);
    }
    for (int i = 0; i < keys.length; i++) {
      set(i);
    }
  }

  @Benchmark
  public void set(ThreadCursor cursor) {
    set(cursor.index++ & Keys.MASK);
  }

  private void set(int i) {
    if (cacheFn != null) {
      cacheFn.set(keys[i], Boolean.TRUE, options[i]);
    } else {
      handTagged.set(keys[i], Boolean.TRUE, tagNames[i]);
    }
  }

  static String[] tagsOf(String key, int count) {
    String[] names = new String[count];
    for (int j = 0; j < count; j++) {
      names[j] = "g" + j + ":" + Math.floorMod(key.hashCode() * 31 + j, 16);
    }
    return names;
  }

  /** Caffeine plus a hand-written tag index: the baseline users have today. */
  static final class HandTagged {
    final com.github.benmanes.caffeine.cache.Cache<String, Object> cache;
    final ConcurrentHashMap<String, Set<String>> index = new ConcurrentHashMap<>();

    HandTagged(int maximumSize) {
      cache = Caffeine.newBuilder().initialCapacity(maximumSize).maximumSize(maximumSize).build();
    }

    void set(String key, Object value, String[] tags) {
      cache.put(key, value);
      for (String tag : tags) {
        index.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet()).add(key);
      }
    }

    int invalidateByTag(String tag) {
      Set<String> keys = index.remove(tag);
      if (keys == null) {
        return 0;
      }
      cache.invalidateAll(keys);
      return keys.size();
    }
  }
}
