package dev.cachefn.examples;

import dev.cachefn.Cache;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import dev.cachefn.EvictionPolicy;
import dev.cachefn.MemoizedFunction;
import dev.cachefn.Memoizer;
import dev.cachefn.SetOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A tour of CacheFn: each step prints what it shows. Run with {@code mvn -q exec:java -pl cachefn-examples}. */
public final class QuickStart {

  record User(long id, String name, String team) {}

  private QuickStart() {}

  public static void main(String[] args) {
    AtomicInteger repositoryCalls = new AtomicInteger();

    Cache<User> users = CacheFn.builder("users")
        .maxSize(3)
        .evictionPolicy(EvictionPolicy.LRU) // exact LRU, so the tour shows which entry goes; the default adapts
        .defaultTtl(Duration.ofMinutes(10))
        .build();
    users.on(CacheEventType.EVICTION, e -> System.out.println("  event: evicted " + e.key()));
    users.on(CacheEventType.INVALIDATE, e -> System.out.println("  event: invalidated " + e.count()
        + " entries" + (e.pattern() != null ? " matching " + e.pattern() : " tagged " + e.tags())));

    System.out.println("1. cache-aside: the repository is called once for repeated reads");
    for (int i = 0; i < 3; i++) {
      User user = users.getOrFetch("user:1", () -> {
        repositoryCalls.incrementAndGet();
        return new User(1, "Ada", "core");
      }, SetOptions.tags("team:core"));
      System.out.println("  got " + user + ", repository calls so far: " + repositoryCalls.get());
    }

    System.out.println("2. set with TTL and tags, then invalidate by tag");
    users.set("user:2", new User(2, "Grace", "core"), SetOptions.ttl(Duration.ofMinutes(5)).withTags("team:core"));
    users.set("user:3", new User(3, "Linus", "kernel"), SetOptions.tags("team:kernel"));
    System.out.println("  keys: " + users.keys("user:*"));
    int removed = users.invalidateByTag("team:core");
    System.out.println("  invalidateByTag(team:core) removed " + removed + "; keys now: " + users.keys("*"));

    System.out.println("3. batch operations and LRU eviction (maxSize 3)");
    users.setMany(Map.of(
        "user:4", new User(4, "Barbara", "db"),
        "user:5", new User(5, "Edsger", "db"),
        "user:6", new User(6, "Tony", "db")));
    System.out.println("  getMany: " + users.getMany(List.of("user:3", "user:4", "user:5", "user:6")).keySet());

    System.out.println("4. glob patterns");
    System.out.println("  keys(\"user:[45]\"): " + users.keys("user:[45]"));
    System.out.println("  invalidateByPattern(\"user:*\") removed " + users.invalidateByPattern("user:*"));

    System.out.println("5. memoization");
    MemoizedFunction<Integer, Long> slowSquare = Memoizer.builder("square")
        .ttl(Duration.ofMinutes(1))
        .maxSize(100)
        .function(n -> {
          repositoryCalls.incrementAndGet();
          return (long) n * n;
        });
    int before = repositoryCalls.get();
    System.out.println("  square(12) = " + slowSquare.apply(12) + ", again = " + slowSquare.apply(12)
        + ", calls made: " + (repositoryCalls.get() - before));

    System.out.println("6. async cache-aside");
    Cache<String> greetings = CacheFn.builder("greetings").build();
    String greeting = greetings
        .getOrFetchAsync("hello", () -> CompletableFuture.supplyAsync(() -> "hello, world"))
        .toCompletableFuture()
        .join();
    System.out.println("  " + greeting + " (cached: " + greetings.has("hello") + ")");

    System.out.println("7. stats: " + users.stats());
    System.out.printf("  hit rate %.1f %%%n", users.stats().hitRate());
  }
}
