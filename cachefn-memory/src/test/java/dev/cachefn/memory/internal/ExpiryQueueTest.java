package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The expiry heap: soonest first, O(log n) removal of any node, heap indexes kept right, lazy re-keying. */
class ExpiryQueueTest {

  private static ExpiringNode<String> node(String key, long expiresAt) {
    return new ExpiringNode<>(key, "v", expiresAt, 0);
  }

  /** Takes every node out through {@code soonest()}, in the order the queue hands them out. */
  private static List<ExpiringNode<String>> drain(ExpiryQueue<String> queue) {
    List<ExpiringNode<String>> out = new ArrayList<>();
    for (ExpiringNode<String> soonest = queue.soonest(); soonest != null; soonest = queue.soonest()) {
      out.add(soonest);
      queue.remove(soonest);
      assertThat(soonest.heapIndex).isEqualTo(-1);
    }
    assertThat(queue.isEmpty()).isTrue();
    return out;
  }

  @Test
  void emptyQueueHasNoSoonest() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();

    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.soonest()).isNull();
  }

  @Test
  void soonestIsTheNodeWithTheSmallestDeadline() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> late = node("late", 300);
    ExpiringNode<String> early = node("early", 100);
    ExpiringNode<String> middle = node("middle", 200);

    queue.add(late);
    queue.add(early);
    queue.add(middle);

    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.soonest()).isSameAs(early);
    assertThat(drain(queue)).containsExactly(early, middle, late);
  }

  @Test
  void addedNodesKnowTheirIndexAndRemovedOnesDoNot() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> a = node("a", 5);
    ExpiringNode<String> b = node("b", 1);
    assertThat(a.heapIndex).isEqualTo(-1);

    queue.add(a);
    queue.add(b);
    assertThat(List.of(a.heapIndex, b.heapIndex)).containsExactlyInAnyOrder(0, 1);
    assertThat(b.heapIndex).isZero();

    queue.remove(a);
    assertThat(a.heapIndex).isEqualTo(-1);
    assertThat(b.heapIndex).isZero();
  }

  @Test
  void removingANodeThatIsNotQueuedChangesNothing() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> a = node("a", 1);
    ExpiringNode<String> b = node("b", 2);
    ExpiringNode<String> stranger = node("stranger", 0);
    queue.add(a);
    queue.add(b);

    queue.remove(stranger);
    queue.remove(a);
    queue.remove(a); // twice

    assertThat(drain(queue)).containsExactly(b);
  }

  @Test
  void removingTheLastSlotAndTheRootKeepsTheHeapValid() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    List<ExpiringNode<String>> nodes = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ExpiringNode<String> node = node("n" + i, i * 10L);
      nodes.add(node);
      queue.add(node);
    }

    queue.remove(nodes.get(6)); // the last slot
    queue.remove(nodes.get(0)); // the root

    assertThat(drain(queue)).containsExactlyElementsOf(nodes.subList(1, 6));
  }

  @Test
  void randomAddsAndRemovalsAlwaysYieldTheSoonestFirst() {
    Random random = new Random(42);
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    List<ExpiringNode<String>> live = new ArrayList<>();

    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(10);
      if (op < 5 || live.isEmpty()) {
        // few distinct deadlines, so that ties are common
        ExpiringNode<String> node = node("n" + step, random.nextInt(500));
        queue.add(node);
        live.add(node);
      } else if (op < 8) {
        ExpiringNode<String> victim = live.remove(random.nextInt(live.size()));
        queue.remove(victim);
        assertThat(victim.heapIndex).isEqualTo(-1);
      } else {
        ExpiringNode<String> soonest = queue.soonest();
        long min = live.stream().mapToLong(n -> n.expiresAt).min().orElseThrow();
        assertThat(soonest).isNotNull();
        assertThat(soonest.expiresAt).as("step %d", step).isEqualTo(min);
        queue.remove(soonest);
        live.remove(soonest);
      }
      assertThat(queue.isEmpty()).isEqualTo(live.isEmpty());
    }

    List<ExpiringNode<String>> drained = drain(queue);
    assertThat(drained).containsExactlyInAnyOrderElementsOf(live);
    assertThat(drained).extracting(n -> n.expiresAt).isSorted();
  }

  @Test
  void manyNodesWithRandomRemovalsDrainInDeadlineOrder() {
    Random random = new Random(7);
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    List<ExpiringNode<String>> nodes = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) { // grows the heap array many times
      ExpiringNode<String> node = node("n" + i, random.nextLong() >>> 2);
      nodes.add(node);
      queue.add(node);
    }
    Collections.shuffle(nodes, random);
    List<ExpiringNode<String>> removed = new ArrayList<>(nodes.subList(0, 2_000));
    List<ExpiringNode<String>> kept = new ArrayList<>(nodes.subList(2_000, nodes.size()));

    removed.forEach(queue::remove);

    kept.sort(Comparator.comparingLong(n -> n.expiresAt));
    assertThat(drain(queue)).extracting(n -> n.expiresAt)
        .containsExactlyElementsOf(kept.stream().map(n -> n.expiresAt).toList());
    assertThat(removed).allSatisfy(n -> assertThat(n.heapIndex).isEqualTo(-1));
  }

  @Test
  void deadlinesAcrossTheLongOverflowAreOrderedByTimeNotBySign() {
    long base = Long.MAX_VALUE - 1_000;
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> beforeWrap = node("before", base + 500);
    ExpiringNode<String> afterWrap = node("after", base + 1_500); // wrapped to a negative number
    ExpiringNode<String> muchLater = node("later", base + 2_500);

    queue.add(muchLater);
    queue.add(afterWrap);
    queue.add(beforeWrap);

    assertThat(afterWrap.expiresAt).isNegative();
    assertThat(drain(queue)).containsExactly(beforeWrap, afterWrap, muchLater);
  }

  @Test
  void clearEmptiesTheQueueAndResetsEveryIndex() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    List<ExpiringNode<String>> nodes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ExpiringNode<String> node = node("n" + i, 40 - i);
      nodes.add(node);
      queue.add(node);
    }

    queue.clear();

    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.soonest()).isNull();
    assertThat(nodes).allSatisfy(n -> assertThat(n.heapIndex).isEqualTo(-1));
    ExpiringNode<String> again = node("again", 1);
    queue.add(again);
    assertThat(drain(queue)).containsExactly(again);
  }

  @Test
  void replacingWithALaterDeadlineKeepsTheSlotAndSoonestStaysExact() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> first = node("a", 10);
    ExpiringNode<String> other = node("b", 20);
    queue.add(first);
    queue.add(other);
    int slot = first.heapIndex;
    ExpiringNode<String> rewritten = node("a", 30);

    queue.replace(first, rewritten);

    assertThat(first.heapIndex).isEqualTo(-1);
    assertThat(rewritten.heapIndex).isEqualTo(slot);
    assertThat(queue.soonestDeadline()).as("a lower bound until re-keyed").isEqualTo(10);
    assertThat(queue.soonest()).isSameAs(other);
    assertThat(queue.soonestDeadline()).isEqualTo(20);
    assertThat(drain(queue)).containsExactly(other, rewritten);
  }

  @Test
  void replacingWithASoonerDeadlineMovesTheNodeUp() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> early = node("early", 10);
    ExpiringNode<String> late = node("late", 50);
    queue.add(early);
    queue.add(late);
    ExpiringNode<String> sooner = node("late", 5);

    queue.replace(late, sooner);

    assertThat(queue.soonestDeadline()).isEqualTo(5);
    assertThat(drain(queue)).containsExactly(sooner, early);
  }

  @Test
  void replacingBetweenExpiringAndPlainNodesAddsOrRemoves() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    Node<String> plain = new Node<>("k", "v", 0);
    ExpiringNode<String> expiring = node("k", 7);

    queue.replace(plain, expiring);
    assertThat(queue.soonest()).isSameAs(expiring);

    queue.replace(expiring, new Node<>("k", "v2", 0));
    assertThat(expiring.heapIndex).isEqualTo(-1);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.soonestDeadline()).isEqualTo(Node.NEVER);
  }

  @Test
  void randomReplacesAddsAndRemovalsAlwaysYieldTheTrueSoonest() {
    Random random = new Random(11);
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    List<ExpiringNode<String>> live = new ArrayList<>();

    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(10);
      if (op < 3 || live.isEmpty()) {
        ExpiringNode<String> node = node("n" + step, random.nextInt(1_000));
        queue.add(node);
        live.add(node);
      } else if (op < 7) { // mostly later deadlines, like rewrites with a TTL, sometimes sooner ones
        int at = random.nextInt(live.size());
        ExpiringNode<String> previous = live.get(at);
        ExpiringNode<String> next = node((String) previous.key, previous.expiresAt + random.nextInt(300) - 50);
        queue.replace(previous, next);
        live.set(at, next);
        assertThat(previous.heapIndex).isEqualTo(-1);
      } else if (op < 8) {
        queue.remove(live.remove(random.nextInt(live.size())));
      } else {
        long min = live.stream().mapToLong(n -> n.expiresAt).min().orElseThrow();
        assertThat(queue.soonestDeadline()).as("lower bound, step %d", step).isLessThanOrEqualTo(min);
        ExpiringNode<String> soonest = queue.soonest();
        assertThat(soonest).isNotNull();
        assertThat(soonest.expiresAt).as("step %d", step).isEqualTo(min);
        assertThat(queue.soonestDeadline()).isEqualTo(min);
        queue.remove(soonest);
        live.remove(soonest);
      }
    }

    List<ExpiringNode<String>> drained = drain(queue);
    assertThat(drained).containsExactlyInAnyOrderElementsOf(live);
    assertThat(drained).extracting(n -> n.expiresAt).isSorted();
  }

  @Test
  void dueReturnsOnlyNodesWhoseDeadlineHasComeAndReKeysOnlyLapsedKeys() {
    ExpiryQueue<String> queue = new ExpiryQueue<>();
    ExpiringNode<String> first = node("a", 10);
    ExpiringNode<String> other = node("b", 20);
    queue.add(first);
    queue.add(other);
    ExpiringNode<String> rewritten = node("a", 30);
    queue.replace(first, rewritten);

    assertThat(queue.due(9)).isNull();
    assertThat(queue.soonestDeadline()).as("nothing re-keyed before the old key comes").isEqualTo(10);

    assertThat(queue.due(15)).as("old key lapsed, new deadline not come").isNull();
    assertThat(queue.soonestDeadline()).isEqualTo(20);

    assertThat(queue.due(30)).isSameAs(other);
    queue.remove(other);
    assertThat(queue.due(29)).isNull();
    assertThat(queue.due(30)).isSameAs(rewritten);
  }
}
