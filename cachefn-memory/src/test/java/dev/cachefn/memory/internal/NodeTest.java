package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each entry gets the smallest node class for its features, and the packed state bits stay apart. */
class NodeTest {

  private static final String[] TWO_TAGS = {"a", "b"};

  @Test
  void createPicksTheClassForTheEntrysFeatures() {
    Node<String> plain = Node.create("k", "v", Node.NEVER, Node.NO_TAGS, 64);
    Node<String> tagged = Node.create("k", "v", Node.NEVER, TWO_TAGS, 64);
    Node<String> expiring = Node.create("k", "v", 100, Node.NO_TAGS, 64);
    Node<String> both = Node.create("k", "v", 100, TWO_TAGS, 64);

    assertThat(plain.getClass()).isEqualTo(Node.class);
    assertThat(tagged).isInstanceOf(TaggedNode.class);
    assertThat(expiring.getClass()).isEqualTo(ExpiringNode.class);
    assertThat(both).isInstanceOf(ExpiringNode.Tagged.class);

    assertThat(plain.expires()).isFalse();
    assertThat(plain.isTagged()).isFalse();
    assertThat(plain.tagCount()).isZero();
    assertThat(tagged.expires()).isFalse();
    assertThat(tagged.tagCount()).isEqualTo(2);
    assertThat(List.of(tagged.tag(0), tagged.tag(1))).containsExactly("a", "b");
    assertThat(expiring.expires()).isTrue();
    assertThat(expiring.isTagged()).isFalse();
    assertThat(both.expires()).isTrue();
    assertThat(List.of(both.tag(0), both.tag(1))).containsExactly("a", "b");
  }

  @Test
  void aSingleTagIsStoredWithoutAnArray() {
    Node<String> tagged = Node.create("k", "v", Node.NEVER, new String[] {"only"}, 0);
    Node<String> both = Node.create("k", "v", 100, new String[] {"only"}, 0);

    assertThat(((TaggedNode<String>) tagged).tags).isEqualTo("only");
    assertThat(((ExpiringNode.Tagged<String>) both).tags).isEqualTo("only");
    assertThat(tagged.tagCount()).isEqualTo(1);
    assertThat(both.tag(0)).isEqualTo("only");
    assertThatThrownBy(() -> tagged.tag(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void onlyExpiringNodesExpireAndExactlyAtTheirDeadline() {
    Node<String> plain = Node.create("k", "v", Node.NEVER, Node.NO_TAGS, 0);
    Node<String> expiring = Node.create("k", "v", 100, TWO_TAGS, 0);

    assertThat(plain.isExpiredAt(Long.MAX_VALUE)).isFalse();
    assertThat(expiring.isExpiredAt(99)).isFalse();
    assertThat(expiring.isExpiredAt(100)).isTrue();
  }

  @Test
  void weightIsRoundedUpToEightBytesAndSaturates() {
    assertThat(new Node<>("k", "v", 0).weight()).isZero();
    assertThat(new Node<>("k", "v", 1).weight()).isEqualTo(8);
    assertThat(new Node<>("k", "v", 104).weight()).isEqualTo(104);
    assertThat(new Node<>("k", "v", Node.MAX_WEIGHT).weight()).isEqualTo(Node.MAX_WEIGHT);
    assertThat(new Node<>("k", "v", Long.MAX_VALUE).weight()).isEqualTo(Node.MAX_WEIGHT);
    assertThat(Node.MAX_WEIGHT).isGreaterThan(4_000_000_000L);
    assertThat(Node.recordedWeight(Long.MAX_VALUE)).isEqualTo(Node.MAX_WEIGHT);
  }

  @Test
  void segmentAndRetiredBitsChangeNeitherEachOtherNorTheWeight() {
    Node<String> node = new Node<>("k", "v", Node.MAX_WEIGHT);
    assertThat(node.segment()).isZero();
    assertThat(node.isRetired()).isFalse();

    for (byte segment = 0; segment < 4; segment++) {
      node.setSegment(segment);
      assertThat(node.segment()).isEqualTo(segment);
      assertThat(node.isRetired()).isFalse();
      assertThat(node.weight()).isEqualTo(Node.MAX_WEIGHT);
    }
    node.retire();
    node.setSegment((byte) 1);

    assertThat(node.isRetired()).isTrue();
    assertThat(node.segment()).isEqualTo((byte) 1);
    assertThat(node.weight()).isEqualTo(Node.MAX_WEIGHT);
  }
}
