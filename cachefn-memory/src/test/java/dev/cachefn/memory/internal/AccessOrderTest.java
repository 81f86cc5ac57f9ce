package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LRU list: least recent at the head, most recent at the tail, links consistent both ways. */
class AccessOrderTest {

  private static Node<String> node(String key) {
    return new Node<>(key, "v", Node.NEVER, Node.NO_TAGS, 0);
  }

  /** The keys from least to most recent, checking every backward link on the way. */
  private static List<String> keys(AccessOrder<String> order) {
    List<String> keys = new ArrayList<>();
    Node<String> previous = null;
    for (Node<String> node = order.leastRecent(); node != null; node = node.next) {
      assertThat(node.previous).as("back link of %s", node.key).isSameAs(previous);
      keys.add(node.key);
      previous = node;
      assertThat(keys.size()).as("the list has a cycle").isLessThan(100_000);
    }
    return keys;
  }

  @Test
  void emptyOrderHasNoLeastRecent() {
    assertThat(new AccessOrder<String>().leastRecent()).isNull();
  }

  @Test
  void nodesAreOrderedFromFirstAddedToLastAdded() {
    AccessOrder<String> order = new AccessOrder<>();

    order.addMostRecent(node("a"));
    order.addMostRecent(node("b"));
    order.addMostRecent(node("c"));

    assertThat(keys(order)).containsExactly("a", "b", "c");
    assertThat(order.leastRecent().key).isEqualTo("a");
  }

  @Test
  void movingAnyNodeToMostRecentPutsItLast() {
    AccessOrder<String> order = new AccessOrder<>();
    Node<String> a = node("a");
    Node<String> b = node("b");
    Node<String> c = node("c");
    order.addMostRecent(a);
    order.addMostRecent(b);
    order.addMostRecent(c);

    order.moveToMostRecent(a); // the head
    assertThat(keys(order)).containsExactly("b", "c", "a");

    order.moveToMostRecent(c); // the middle
    assertThat(keys(order)).containsExactly("b", "a", "c");

    order.moveToMostRecent(c); // already the tail
    assertThat(keys(order)).containsExactly("b", "a", "c");
    assertThat(c.next).isNull();
  }

  @Test
  void movingTheOnlyNodeKeepsIt() {
    AccessOrder<String> order = new AccessOrder<>();
    Node<String> only = node("only");
    order.addMostRecent(only);

    order.moveToMostRecent(only);

    assertThat(keys(order)).containsExactly("only");
  }

  @Test
  void removingHeadMiddleAndTailUnlinksThem() {
    AccessOrder<String> order = new AccessOrder<>();
    List<Node<String>> nodes = new ArrayList<>();
    for (String key : List.of("a", "b", "c", "d", "e")) {
      Node<String> node = node(key);
      nodes.add(node);
      order.addMostRecent(node);
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
    order.addMostRecent(node("f")); // the tail is right after removing the old tail
    assertThat(keys(order)).containsExactly("b", "d", "f");
  }

  @Test
  void removingTheOnlyNodeEmptiesTheOrder() {
    AccessOrder<String> order = new AccessOrder<>();
    Node<String> only = node("only");
    order.addMostRecent(only);

    order.remove(only);

    assertThat(order.leastRecent()).isNull();
    order.addMostRecent(node("next"));
    assertThat(keys(order)).containsExactly("next");
  }

  @Test
  void clearEmptiesTheOrder() {
    AccessOrder<String> order = new AccessOrder<>();
    order.addMostRecent(node("a"));
    order.addMostRecent(node("b"));

    order.clear();

    assertThat(order.leastRecent()).isNull();
    order.addMostRecent(node("c"));
    assertThat(keys(order)).containsExactly("c");
  }

  @Test
  void randomOperationsMatchAnInsertionOrderedSet() {
    Random random = new Random(1234);
    AccessOrder<String> order = new AccessOrder<>();
    List<Node<String>> inList = new ArrayList<>();
    LinkedHashSet<String> model = new LinkedHashSet<>();

    for (int step = 0; step < 10_000; step++) {
      int op = random.nextInt(10);
      if (op < 4 || inList.isEmpty()) {
        Node<String> node = node("n" + step);
        order.addMostRecent(node);
        inList.add(node);
        model.add(node.key);
      } else if (op < 7) {
        Node<String> node = inList.get(random.nextInt(inList.size()));
        order.moveToMostRecent(node);
        model.remove(node.key);
        model.add(node.key);
      } else {
        Node<String> node = inList.remove(random.nextInt(inList.size()));
        order.remove(node);
        model.remove(node.key);
      }
      if (step % 97 == 0) {
        assertThat(keys(order)).as("step %d", step).containsExactlyElementsOf(model);
      }
      assertThat(order.leastRecent() == null ? null : order.leastRecent().key)
          .isEqualTo(model.isEmpty() ? null : model.iterator().next());
    }
    assertThat(keys(order)).containsExactlyElementsOf(model);
  }
}
