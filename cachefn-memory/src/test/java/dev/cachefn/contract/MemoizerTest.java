package dev.cachefn.contract;

import static dev.cachefn.contract.Concurrency.failureOf;
import static dev.cachefn.contract.Concurrency.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.MemoizedAsyncFunction;
import dev.cachefn.MemoizedBiFunction;
import dev.cachefn.MemoizedFunction;
import dev.cachefn.MemoizedSupplier;
import dev.cachefn.Memoizer;
import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Memoized functions made by {@link Memoizer}. */
class MemoizerTest {

  /** Call counts per argument (as written by {@code String.valueOf}). */
  private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private int callsFor(Object argument) {
    AtomicInteger count = calls.get(String.valueOf(argument));
    return count == null ? 0 : count.get();
  }

  private void count(Object argument) {
    calls.computeIfAbsent(String.valueOf(argument), a -> new AtomicInteger()).incrementAndGet();
  }

  private String user(Integer id) {
    count(id);
    return "user-" + id;
  }

  @Test
  void functionCachesItsResultPerArgument() {
    MemoizedFunction<Integer, String> find = Memoizer.builder("findUser").function(this::user);

    assertThat(find.apply(1)).isEqualTo("user-1");
    assertThat(find.apply(1)).isEqualTo("user-1");
    assertThat(find.apply(2)).isEqualTo("user-2");
    assertThat(find.apply(2)).isEqualTo("user-2");
    assertThat(find.apply(1)).isEqualTo("user-1");

    assertThat(callsFor(1)).isEqualTo(1);
    assertThat(callsFor(2)).isEqualTo(1);
  }

  @Test
  void biFunctionCachesItsResultPerArgumentPair() {
    MemoizedBiFunction<Integer, Integer, Integer> add = Memoizer.builder("add").biFunction((Integer a, Integer b) -> {
      count(a + "+" + b);
      return a + b;
    });

    assertThat(add.apply(1, 2)).isEqualTo(3);
    assertThat(add.apply(1, 2)).isEqualTo(3);
    assertThat(add.apply(2, 1)).isEqualTo(3);

    assertThat(callsFor("1+2")).isEqualTo(1);
    assertThat(callsFor("2+1")).isEqualTo(1);
    assertThat(add.invalidate(1, 2)).isTrue();
    assertThat(add.apply(1, 2)).isEqualTo(3);
    assertThat(callsFor("1+2")).isEqualTo(2);
    assertThat(callsFor("2+1")).isEqualTo(1);
  }

  @Test
  void supplierIsCalledOnceUntilCleared() {
    MemoizedSupplier<String> config = Memoizer.builder("config").supplier(() -> {
      count("config");
      return "loaded";
    });

    assertThat(config.get()).isEqualTo("loaded");
    assertThat(config.get()).isEqualTo("loaded");
    assertThat(callsFor("config")).isEqualTo(1);

    config.clear();
    assertThat(config.get()).isEqualTo("loaded");
    assertThat(callsFor("config")).isEqualTo(2);
  }

  @Test
  void asyncFunctionCachesCompletedResultsPerArgumentAndSharesPendingCalls() throws Exception {
    List<CompletableFuture<String>> pending = new ArrayList<>();
    MemoizedAsyncFunction<Integer, String> find = Memoizer.builder("findAsync").asyncFunction((Integer id) -> {
      count(id);
      CompletableFuture<String> future = new CompletableFuture<>();
      pending.add(future);
      return future;
    });

    CompletionStage<String> first = find.apply(1);
    CompletionStage<String> second = find.apply(1);
    assertThat(first.toCompletableFuture()).isNotDone();
    assertThat(callsFor(1)).isEqualTo(1);

    pending.get(0).complete("user-1");

    assertThat(valueOf(first)).isEqualTo("user-1");
    assertThat(valueOf(second)).isEqualTo("user-1");
    assertThat(find.apply(1).toCompletableFuture()).isCompletedWithValue("user-1");
    assertThat(callsFor(1)).isEqualTo(1);

    find.apply(2);
    assertThat(callsFor(2)).isEqualTo(1);
  }

  @Test
  void asyncFunctionDoesNotCacheAFailure() throws Exception {
    RuntimeException boom = new IllegalStateException("down");
    AtomicInteger attempt = new AtomicInteger();
    MemoizedAsyncFunction<Integer, String> find = Memoizer.builder("flakyAsync").asyncFunction((Integer id) ->
        attempt.incrementAndGet() == 1
            ? CompletableFuture.<String>failedFuture(boom)
            : CompletableFuture.completedFuture("user-" + id));

    assertThat(failureOf(find.apply(1))).isSameAs(boom);
    assertThat(valueOf(find.apply(1))).isEqualTo("user-1");
    assertThat(valueOf(find.apply(1))).isEqualTo("user-1");
    assertThat(attempt).hasValue(2);
  }

  @Test
  void ttlExpiresResults() {
    FakeTicker ticker = new FakeTicker();
    MemoizedFunction<Integer, String> find =
        Memoizer.builder("timedUser").ttl(Duration.ofMinutes(1)).ticker(ticker).function(this::user);

    find.apply(1);
    ticker.advance(Duration.ofSeconds(59));
    find.apply(1);
    assertThat(callsFor(1)).isEqualTo(1);

    ticker.advance(Duration.ofSeconds(2));
    assertThat(find.apply(1)).isEqualTo("user-1");
    assertThat(callsFor(1)).isEqualTo(2);
  }

  @Test
  void maxSizeBoundsTheNumberOfCachedResults() {
    MemoizedFunction<Integer, String> find = Memoizer.builder("boundedUser").maxSize(2).function(this::user);

    find.apply(1);
    find.apply(2);
    find.apply(3); // one of the three is evicted (which one is the eviction policy's choice)

    find.apply(1);
    find.apply(2);
    find.apply(3);
    assertThat(callsFor(1) + callsFor(2) + callsFor(3)).isGreaterThan(3); // at most two results were kept
  }

  @Test
  void tagsLetTheSharedCacheInvalidateTheResults() {
    Cache<String> cache = CacheFn.builder("shared").build();
    cache.set("team:1", "Core");
    MemoizedFunction<Integer, String> find = Memoizer.builder("findUser").cache(cache).tags("users").function(this::user);
    find.apply(1);
    find.apply(2);

    assertThat(cache.keys("findUser:*")).containsExactlyInAnyOrder("findUser:1", "findUser:2");
    assertThat(cache.invalidateByTag("users")).isEqualTo(2);

    assertThat(cache.keys("*")).containsExactly("team:1");
    find.apply(1);
    assertThat(callsFor(1)).isEqualTo(2);
  }

  @Test
  void customKeyGeneratorDecidesTheCacheKey() {
    Cache<String> cache = CacheFn.builder("shared").build();
    MemoizedFunction<String, String> normalize = Memoizer.builder("normalize").cache(cache).function(
        (String name) -> {
          count(name);
          return name.toLowerCase(Locale.ROOT);
        },
        name -> "name:" + name.toLowerCase(Locale.ROOT));

    assertThat(normalize.apply("Ada")).isEqualTo("ada");
    assertThat(normalize.apply("ADA")).isEqualTo("ada"); // same key, so served from the cache

    assertThat(cache.keys("*")).containsExactly("name:ada");
    assertThat(callsFor("Ada")).isEqualTo(1);
    assertThat(callsFor("ADA")).isZero();
    assertThat(normalize.invalidate("aDa")).isTrue();
    assertThat(cache.keys("*")).isEmpty();
  }

  @Test
  void keyGeneratorReturningAnEmptyKeyIsRejected() {
    MemoizedFunction<String, String> broken =
        Memoizer.builder("broken").function((String s) -> s, s -> "");

    assertThatThrownBy(() -> broken.apply("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("empty key");
  }

  @Test
  void clearRemovesOnlyThisMemoizersEntriesFromASharedCache() {
    Cache<String> cache = CacheFn.builder("shared").build();
    cache.set("findUser:99", "set directly");
    cache.set("team:1", "Core");
    MemoizedFunction<Integer, String> find = Memoizer.builder("findUser").cache(cache).function(this::user);
    MemoizedFunction<Integer, String> other = Memoizer.builder("findOther").cache(cache).function((Integer id) -> "other-" + id);
    find.apply(1);
    find.apply(2);
    other.apply(1);

    find.clear();

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("findUser:99", "team:1", "findOther:1");
    find.apply(1);
    assertThat(callsFor(1)).isEqualTo(2);
  }

  @Test
  void clearOfAMemoizerWithItsOwnCacheForgetsEverything() {
    MemoizedFunction<Integer, String> find = Memoizer.builder("findUser").function(this::user);
    find.apply(1);
    find.apply(2);

    find.clear();
    find.apply(1);
    find.apply(2);

    assertThat(callsFor(1)).isEqualTo(2);
    assertThat(callsFor(2)).isEqualTo(2);
  }

  @Test
  void invalidateForgetsOneArgumentOnly() {
    MemoizedFunction<Integer, String> find = Memoizer.builder("findUser").function(this::user);
    find.apply(1);
    find.apply(2);

    assertThat(find.invalidate(1)).isTrue();
    assertThat(find.invalidate(1)).isFalse();
    assertThat(find.invalidate(3)).isFalse();

    find.apply(1);
    find.apply(2);
    assertThat(callsFor(1)).isEqualTo(2);
    assertThat(callsFor(2)).isEqualTo(1);
  }

  @Test
  void asyncInvalidateAndClearForgetResults() throws Exception {
    MemoizedAsyncFunction<Integer, String> find = Memoizer.builder("findAsync").asyncFunction((Integer id) -> {
      count(id);
      return CompletableFuture.completedFuture("user-" + id);
    });
    valueOf(find.apply(1));
    valueOf(find.apply(2));

    assertThat(find.invalidate(1)).isTrue();
    valueOf(find.apply(1));
    valueOf(find.apply(2));
    assertThat(callsFor(1)).isEqualTo(2);
    assertThat(callsFor(2)).isEqualTo(1);

    find.clear();
    valueOf(find.apply(2));
    assertThat(callsFor(2)).isEqualTo(2);
  }

  @Test
  void nullResultsAreNotCached() {
    MemoizedFunction<Integer, String> find = Memoizer.builder("findNothing").function((Integer id) -> {
      count(id);
      return null;
    });
    MemoizedSupplier<String> nothing = Memoizer.builder("nothing").supplier(() -> {
      count("nothing");
      return null;
    });

    assertThat(find.apply(1)).isNull();
    assertThat(find.apply(1)).isNull();
    assertThat(nothing.get()).isNull();
    assertThat(nothing.get()).isNull();

    assertThat(callsFor(1)).isEqualTo(2);
    assertThat(callsFor("nothing")).isEqualTo(2);
  }

  @Test
  void exceptionsAreNotCached() {
    RuntimeException boom = new IllegalStateException("down");
    AtomicInteger attempt = new AtomicInteger();
    MemoizedFunction<Integer, String> find = Memoizer.builder("flaky").function((Integer id) -> {
      if (attempt.incrementAndGet() == 1) {
        throw boom;
      }
      return "user-" + id;
    });

    assertThatThrownBy(() -> find.apply(1)).isSameAs(boom);
    assertThat(find.apply(1)).isEqualTo("user-1");
    assertThat(find.apply(1)).isEqualTo("user-1");
    assertThat(attempt).hasValue(2);
  }

  @Test
  void defaultKeysDistinguishArgumentsThatOnlyDifferInWhereTheSeparatorIs() {
    Cache<String> cache = CacheFn.builder("shared").build();
    MemoizedBiFunction<String, String, String> join = Memoizer.builder("join").cache(cache).biFunction((String a, String b) -> {
      count(a + "|" + b);
      return a + "|" + b;
    });

    assertThat(join.apply("a:b", "c")).isEqualTo("a:b|c");
    assertThat(join.apply("a", "b:c")).isEqualTo("a|b:c");

    assertThat(callsFor("a:b|c")).isEqualTo(1);
    assertThat(callsFor("a|b:c")).isEqualTo(1);
    assertThat(cache.keys("*")).hasSize(2);
  }

  @Test
  void defaultKeysDistinguishNullFromTheStringNull() {
    Cache<String> cache = CacheFn.builder("shared").build();
    MemoizedFunction<String, String> describe = Memoizer.builder("describe").cache(cache).function((String s) -> {
      count(s == null ? "<null>" : "'" + s + "'");
      return s == null ? "no value" : "text " + s;
    });

    assertThat(describe.apply(null)).isEqualTo("no value");
    assertThat(describe.apply("null")).isEqualTo("text null");
    assertThat(describe.apply(null)).isEqualTo("no value");
    assertThat(describe.apply("null")).isEqualTo("text null");

    assertThat(callsFor("<null>")).isEqualTo(1);
    assertThat(callsFor("'null'")).isEqualTo(1);
    assertThat(cache.keys("*")).hasSize(2);
  }

  /** A type that keeps {@link Object#toString()}, so it has no stable default key. */
  static final class Query {
    final String text;

    Query(String text) {
      this.text = text;
    }
  }

  @Test
  void argumentTypeWithoutItsOwnToStringIsRejectedNamingTheType() {
    MemoizedFunction<Query, String> run = Memoizer.builder("query").function((Query q) -> {
      count(q.text);
      return q.text;
    });

    assertThatThrownBy(() -> run.apply(new Query("select")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Query.class.getName())
        .hasMessageContaining("keyGenerator");
    assertThat(callsFor("select")).isZero();

    MemoizedFunction<Query, String> keyed =
        Memoizer.builder("query").function((Query q) -> q.text, q -> "query:" + q.text);
    assertThat(keyed.apply(new Query("select"))).isEqualTo("select");
  }

  @Test
  void maxSizeTogetherWithASharedCacheFailsWithIllegalStateException() {
    Cache<String> cache = CacheFn.builder("shared").build();

    assertThatThrownBy(() -> Memoizer.builder("findUser").maxSize(10).cache(cache).function(this::user))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxSize")
        .hasMessageContaining("'findUser'")
        .hasMessageContaining("'shared'");
    assertThatThrownBy(() -> Memoizer.builder("findUser").cache(cache).maxSize(10).supplier(() -> "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxSize");
    assertThat(cache.size()).isZero();
  }
}
