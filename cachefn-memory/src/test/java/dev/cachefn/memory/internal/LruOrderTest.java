package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LRU list: least recent at the head, most recent at the tail, links consistent both ways. */
class LruOrderTest {

  private static Node<String> node(String key) {
    return new Node<>(key, "v", 0);
  }

  /** The keys from least to most recent, checking every backward link on the way. */
  private static List<String> keys(LruOrder<String> order) {
    List<String> keys = new ArrayList<>();
    Node<String> previous = null;
    for (Node<String> node = order.victim(); node != null; node = node.next) {
      assertThat(node.previous).as("back link of %s", node.key).isSameAs(previous);
      keys.add((String) node.key);
      previous = node;
      assertThat(keys.size()).as("the list has a cycle").isLessThan(100_000);
    }
    return keys;
  }

  @Test
  void emptyOrderHasNoLeastRecent() {
    assertThat(new LruOrder<String>().victim()).isNull();
  }

  @Test
  void nodesAreOrderedFromFirstAddedToLastAdded() {
    LruOrder<String> order = new LruOrder<>();

    order.recordInsert(node("a"));
    order.recordInsert(node("b"));
    order.recordInsert(node("c"));

    assertThat(keys(order)).containsExactly("a", "b", "c");
    assertThat(order.victim().key).isEqualTo("a");
  }

  @Test
  void movingAnyNodeToMostRecentPutsItLast() {
    LruOrder<String> order = new LruOrder<>();
    Node<String> a = node("a");
    Node<String> b = node("b");
    Node<String> c = node("c");
    order.recordInsert(a);
    order.recordInsert(b);
    order.recordInsert(c);

    order.recordAccess(a); // the head
    assertThat(keys(order)).containsExactly("b", "c", "a");

    order.recordAccess(c); // the middle
    assertThat(keys(order)).containsExactly("b", "a", "c");

    order.recordAccess(c); // already the tail
    assertThat(keys(order)).containsExactly("b", "a", "c");
    assertThat(c.next).isNull();
  }

  @Test
  void movingTheOnlyNodeKeepsIt() {
    LruOrder<String> order = new LruOrder<>();
    Node<String> only = node("only");
    order.recordInsert(only);

    order.recordAccess(only);

    assertThat(keys(order)).containsExactly("only");
  }

  @Test
  void removingHeadMiddleAndTailUnlinksThem() {
    LruOrder<String> order = new LruOrder<>();
    List<Node<String>> nodes = new ArrayList<>();
    for (String key : List.of("a", "b", "c", "d", "e")) {
      Node<String> node = node(key);
      nodes.add(node);
      order.recordInsert(node);
    }

    order.remove(nodes.get(0));
    assertThat(keys(order)).containsExactly("b", "c", "d", "e");
    order.remove(nodes.get(2));
    assertThat(keys(order)).containsExactly("b", "d", "e");
    order.remove(nodes.get(4));
    assertThat(keys(order)).containsExactly("b", "d");

    for (int i : new int[] {0, 2, 4}) {
      assertThat(nodes.get(i).previous).isNull();
      assertThat(nodes.get(i).next).isNull();
    }
    order.recordInsert(node("f")); // the tail is right after removing the old tail
    assertThat(keys(order)).containsExactly("b", "d", "f");
  }

  @Test
  void removingTheOnlyNodeEmptiesTheOrder() {
    LruOrder<String> order = new LruOrder<>();
    Node<String> only = node("only");
    order.recordInsert(only);

    order.remove(only);

    assertThat(order.victim()).isNull();
    order.recordInsert(node("next"));
    assertThat(keys(order)).containsExactly("next");
  }

  @Test
  void clearEmptiesTheOrder() {
    LruOrder<String> order = new LruOrder<>();
    order.recordInsert(node("a"));
    order.recordInsert(node("b"));

    order.clear();

    assertThat(order.victim()).isNull();
    order.recordInsert(node("c"));
    assertThat(keys(order)).containsExactly("c");
  }

  @Test
  void randomOperationsMatchAnInsertionOrderedSet() {
    Random random = new Random(1234);
    LruOrder<String> order = new LruOrder<>();
    List<Node<String>> inList = new ArrayList<>();
    LinkedHashSet<String> model = new LinkedHashSet<>();

    for (int step = 0; step < 10_000; step++) {
      int op = random.nextInt(10);
      if (op < 4 || inList.isEmpty()) {
        Node<String> node = node("n" + step);
        order.recordInsert(node);
        inList.add(node);
        model.add((String) node.key);
      } else if (op < 7) {
        Node<String> node = inList.get(random.nextInt(inList.size()));
        order.recordAccess(node);
        model.remove(node.key);
        model.add((String) node.key);
      } else {
        Node<String> node = inList.remove(random.nextInt(inList.size()));
        order.remove(node);
        model.remove(node.key);
      }
      if (step % 97 == 0) {
        assertThat(keys(order)).as("step %d", step).containsExactlyElementsOf(model);
      }
      assertThat(order.victim() == null ? null : order.victim().key)
          .isEqualTo(model.isEmpty() ? null : model.iterator().next());
    }
    assertThat(keys(order)).containsExactlyElementsOf(model);
  }
}
