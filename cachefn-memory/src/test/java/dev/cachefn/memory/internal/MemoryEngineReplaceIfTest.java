package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.testkit.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code replaceIf} swaps an entry only while it still holds the value the caller read, in one step: the
 * entry is overwritten (TTL and tags included), never removed and added again.
 */
class MemoryEngineReplaceIfTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  private final FakeTicker ticker = new FakeTicker();
  private final List<String> removed = new ArrayList<>();

  private MemoryEngine<String> engine(EvictionOrder<String> order, long maxSize) {
    MemoryEngine<String> engine = new MemoryEngine<>("replace", maxSize, ticker, order);
    engine.addListener(new EngineListener<String>() {
      @Override
      public void evicted(Object key, String value) {
        removed.add("evicted " + key + "=" + value);
      }

      @Override
      public void expired(Object key, String value) {
        removed.add("expired " + key + "=" + value);
      }
    });
    return engine;
  }

  @Test
  void replacesTheValueItWasGivenWithItsNewTtlAndTags() {
    MemoryEngine<String> engine = engine(new LruOrder<>(), 10);
    String read = new String("v1");
    engine.put("k", read, null, Set.of("old"));

    assertThat(engine.replaceIf("k", read, "v2", TTL, Set.of("new"))).isTrue();

    assertThat(engine.get("k")).isEqualTo("v2");
    assertThat(engine.size()).isEqualTo(1);
    assertThat(engine.removeByTags(List.of("old"))).isZero();
    ticker.advance(TTL.plusNanos(1));
    assertThat(engine.get("k")).isNull();
    assertThat(removed).containsExactly("expired k=v2");
  }

  @Test
  void leavesAnEntryAloneThatAnotherWriteChanged() {
    MemoryEngine<String> engine = engine(new LruOrder<>(), 10);
    String read = new String("v1");
    engine.put("k", read, null, Set.of());
    engine.put("k", "written meanwhile", TTL, Set.of());

    assertThat(engine.replaceIf("k", read, "fetched", null, Set.of())).isFalse();
    assertThat(engine.replaceIf("k", new String("written meanwhile"), "fetched", null, Set.of())).isFalse();

    assertThat(engine.get("k")).isEqualTo("written meanwhile");
  }

  @Test
  void storesNothingForAnAbsentKey() {
    MemoryEngine<String> engine = engine(new LruOrder<>(), 10);

    assertThat(engine.replaceIf("k", "anything", "fetched", null, Set.of())).isFalse();

    assertThat(engine.get("k")).isNull();
    assertThat(engine.size()).isZero();
  }

  @Test
  void anExpiredEntryIsReportedExpiredAndNotReplaced() {
    MemoryEngine<String> engine = engine(new LruOrder<>(), 10);
    String read = new String("v1");
    engine.put("k", read, TTL, Set.of());
    ticker.advance(TTL.plusNanos(1));

    assertThat(engine.replaceIf("k", read, "v2", null, Set.of())).isFalse();

    assertThat(engine.get("k")).isNull();
    assertThat(removed).containsExactly("expired k=v1");
  }

  @Test
  void theAdaptivePolicyKeepsAReplacedEntryWhereItWas() {
    AdaptiveAdmissionOrder<String> order = new AdaptiveAdmissionOrder<>(100);
    MemoryEngine<String> engine = engine(order, 100);
    String read = new String("v1");
    engine.put("k", read, null, Set.of());
    for (int i = 0; i < 200; i++) { // enough other entries that "k" leaves the window
      engine.put("other" + i, "x", null, Set.of());
      engine.get("k");
    }
    byte segment = find(engine, "k").segment();
    assertThat(segment).as("k has left the window (segment 0)").isNotZero();

    assertThat(engine.replaceIf("k", read, "v2", null, Set.of())).isTrue();

    assertThat(find(engine, "k").segment()).isEqualTo(segment);
    assertThat(engine.get("k")).isEqualTo("v2");
  }

  private static Node<String> find(MemoryEngine<String> engine, String key) {
    for (var nodes = engine.nodes(); nodes.hasNext(); ) {
      Node<String> node = nodes.next();
      if (node.key.equals(key)) {
        return node;
      }
    }
    return null;
  }
}
