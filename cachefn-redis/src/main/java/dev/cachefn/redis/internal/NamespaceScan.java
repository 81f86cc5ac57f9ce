package dev.cachefn.redis.internal;

import dev.cachefn.spi.GlobPattern;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Walks a namespace's keys with {@code SCAN MATCH}, {@value #SCAN_COUNT} keys a page (every master's pages, on a
 * cluster), keeping only the keys the namespace owns (a cluster's match pattern may match other namespaces'
 * keys too). Not an API.
 */
final class NamespaceScan {

  /**
   * The {@code COUNT} hint of each {@code SCAN}: a walk of a million keys costs about a thousand round trips,
   * while one page stays a short command for Redis. An order of magnitude, not a measured optimum.
   */
  static final int SCAN_COUNT = 1000;

  private final KeyLayout layout;
  private final RedisCalls calls;

  NamespaceScan(RedisNamespace<?> namespace) {
    this.layout = namespace.layout();
    this.calls = namespace.calls();
  }

  /**
   * Walks the cache keys of the entries that match {@code pattern}, a page at a time (pages without any are
   * skipped), until {@code page} answers false or the walk ends.
   */
  void entries(String operation, GlobPattern pattern, Predicate<List<String>> page) {
    walk(operation, "pattern '" + pattern + "'", layout.entries(pattern), redisKeys -> {
      List<String> keys = new ArrayList<>(redisKeys.size());
      for (String redisKey : redisKeys) {
        String key = layout.keyOf(redisKey);
        if (key != null && pattern.matches(key)) {
          keys.add(key);
        }
      }
      return keys.isEmpty() || page.test(keys);
    });
  }

  /**
   * Walks every Redis key of the namespace (entries, tag lists, tag sets), a page at a time, until {@code page}
   * answers false or the walk ends.
   */
  void everything(String operation, Predicate<List<String>> page) {
    walk(operation, "every key", layout.everything(), redisKeys -> {
      List<String> owned = redisKeys.stream().filter(layout::owns).toList();
      return owned.isEmpty() || page.test(owned);
    });
  }

  private void walk(String operation, String subject, String match, Predicate<List<String>> page) {
    ScanArgs args = ScanArgs.Builder.matches(match).limit(SCAN_COUNT);
    ScanCursor cursor = ScanCursor.INITIAL;
    while (true) {
      ScanCursor from = cursor;
      KeyScanCursor<String> found = calls.call(operation, subject, () -> calls.redis().scan(from, args));
      if (!page.test(found.getKeys()) || found.isFinished()) {
        return;
      }
      cursor = found;
    }
  }
}
