package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's tag index never outlives the entries: however a tagged entry leaves (eviction, expiry,
 * delete, overwrite, invalidation, clear), its tags' sets go with it once they are empty.
 */
class MemoryEngineTagIndexTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  private final FakeTicker ticker = new FakeTicker();

  private MemoryEngine<String> engine(long maxSize) {
    return new MemoryEngine<>("tags", maxSize, ticker, new LruOrder<>());
  }

  @Test
  void taggedEntriesAreIndexedPerTag() {
    MemoryEngine<String> engine = engine(10);

    engine.put("a", "1", null, Set.of("x", "y"));
    engine.put("b", "2", null, Set.of("y"));
    engine.put("c", "3", null, Set.of());

    assertThat(engine.tagCount()).isEqualTo(2);
  }

  @Test
  void evictedEntriesLeaveNoTagBehind() {
    MemoryEngine<String> engine = engine(2);
    engine.put("a", "1", null, Set.of("t"));
    engine.put("b", "2", null, Set.of("t", "u"));

    engine.put("c", "3", null, Set.of());
    engine.put("d", "4", null, Set.of());

    assertThat(engine.size()).isEqualTo(2);
    assertThat(engine.tagCount()).isZero();
    assertThat(engine.removeByTags(List.of("t", "u"))).isZero();
  }

  @Test
  void expiredEntriesRemovedByCleanUpLeaveNoTagBehind() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", TTL, Set.of("t"));
    engine.put("b", "2", TTL, Set.of("t", "u"));
    ticker.advance(TTL.plusMillis(1));

    engine.put("c", "3", null, Set.of());

    assertThat(engine.size()).isEqualTo(1);
    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void expiredEntryRemovedByAReadLeavesNoTagBehind() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", TTL, Set.of("t"));
    ticker.advance(TTL.plusMillis(1));

    assertThat(engine.get("a")).isNull();

    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void expiredEntryHitByATagInvalidationLeavesNoTagBehindAndIsNotCounted() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", TTL, Set.of("t", "u"));
    ticker.advance(TTL.plusMillis(1));

    assertThat(engine.removeByTags(List.of("t"))).isZero();

    assertThat(engine.tagCount()).isZero();
    assertThat(engine.size()).isZero();
  }

  @Test
  void deletedEntriesLeaveNoTagBehind() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", null, Set.of("t"));
    engine.put("b", "2", null, Set.of("t", "u"));
    engine.put("c", "3", null, Set.of("v"));

    assertThat(engine.remove("a")).isTrue();
    assertThat(engine.removeAll(List.of("b", "c"))).containsExactly("b", "c");

    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void overwritingWithoutATagDropsThatTag() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", null, Set.of("t", "kept"));

    engine.put("a", "2", null, Set.of("kept"));

    assertThat(engine.tagCount()).isEqualTo(1);
    assertThat(engine.removeByTags(List.of("t"))).isZero();
    assertThat(engine.get("a")).isEqualTo("2");

    engine.put("a", "3", null, Set.of());
    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void overwritingWithPutAllDropsTheOldTags() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", null, Set.of("t"));

    engine.putAll(Map.of("a", "2", "b", "3"), null, Set.of("u"));

    assertThat(engine.tagCount()).isEqualTo(1);
    assertThat(engine.removeByTags(List.of("t"))).isZero();
    assertThat(engine.removeByTags(List.of("u"))).isEqualTo(2);
    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void invalidatingOneTagAlsoDropsTheOtherTagsOfTheRemovedEntries() {
    MemoryEngine<String> engine = engine(10);
    engine.put("a", "1", null, Set.of("t", "u"));
    engine.put("b", "2", null, Set.of("u"));

    assertThat(engine.removeByTags(List.of("t"))).isEqualTo(1);

    assertThat(engine.tagCount()).isEqualTo(1); // "u" still has "b"
    assertThat(engine.removeByTags(List.of("u"))).isEqualTo(1);
    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void patternInvalidationAndClearLeaveNoTagBehind() {
    MemoryEngine<String> engine = engine(10);
    engine.put("user:1", "1", null, Set.of("t"));
    engine.put("user:2", "2", null, Set.of("u"));
    engine.put("other", "3", null, Set.of("v"));

    assertThat(engine.removeByPattern(dev.cachefn.spi.GlobPattern.compile("user:*"))).isEqualTo(2);
    assertThat(engine.tagCount()).isEqualTo(1);

    assertThat(engine.clear()).isEqualTo(1);
    assertThat(engine.tagCount()).isZero();
  }

  @Test
  void tagIndexStaysBoundedUnderChurnWithUniqueTags() {
    MemoryEngine<String> engine = engine(5);

    for (int i = 0; i < 1_000; i++) {
      engine.put("k" + (i % 50), "v", i % 3 == 0 ? TTL : null, Set.of("tag:" + i, "shared"));
      if (i % 7 == 0) {
        engine.remove("k" + ((i + 3) % 50));
      }
      if (i % 100 == 0) {
        ticker.advance(TTL.plusMillis(1));
      }
      assertThat((long) engine.tagCount()).isLessThanOrEqualTo(engine.size() + 1);
    }
    engine.removeByTags(List.of("shared"));
    assertThat(engine.tagCount()).isZero();
  }
}
