package dev.cachefn.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which entry a Redis key named in an invalidation message belongs to, with and without a format version. */
class KeyLayoutTest {

  @Test
  void entriesAndTagListsAreRecognisedWithOrWithoutAFormatVersion() {
    for (String version : new String[] {null, "v2", "1.0-rc_1"}) {
      for (boolean cluster : new boolean[] {false, true}) {
        KeyLayout layout = new KeyLayout("a:b}c/", version, cluster);

        assertThat(KeyLayout.entryOf(layout.entry("k:1"))).isEqualTo(new NearKey("a:b}c/", "k:1"));
        assertThat(KeyLayout.entryOf(layout.meta("x"))).isEqualTo(new NearKey("a:b}c/", "x"));
        assertThat(KeyLayout.entryOf(layout.prefix(layout.buckets() - 1) + "t:tag")).isNull();
      }
    }
  }

  @Test
  void onAClusterEveryNamespaceReachesEachSixteenthOfTheSlots() {
    for (String namespace : new String[] {"a", "users", "near-3f2a9c1d", "x".repeat(300)}) {
      KeyLayout layout = new KeyLayout(namespace, "v1", true);
      assertThat(java.util.stream.IntStream.range(0, 16)
          .map(bucket -> io.lettuce.core.cluster.SlotHash.getSlot(layout.prefix(bucket)) >> 10).distinct())
          .as(namespace).hasSize(16);
    }
  }

  @Test
  void onAClusterANamespaceIsSpreadOverHashTaggedBucketsAndOwnsOnlyItsOwnKeys() {
    KeyLayout layout = new KeyLayout("ns", null, true);
    KeyLayout longer = new KeyLayout("ns/00}:x", null, true);

    assertThat(layout.prefix(3)).isEqualTo("cachefn:{2:ns/2c}:");
    assertThat(layout.entry("user:1")).isEqualTo("cachefn:{2:ns/"
        + KeyLayout.CLUSTER_BUCKET_TAGS.get(Math.floorMod("user:1".hashCode(), 16)) + "}:k:user:1");
    assertThat(java.util.stream.IntStream.range(0, 100).mapToObj(i -> layout.bucketOf("key" + i)).distinct())
        .hasSize(16);
    assertThat(layout.keyOf(layout.entry("user:1"))).isEqualTo("user:1");
    assertThat(layout.keyOf(layout.meta("user:1"))).isNull();
    assertThat(layout.owns(layout.prefix(15) + "t:tag")).isTrue();
    assertThat(layout.owns("cachefn:{2:ns/99}:k:x")).as("no such bucket tag").isFalse();
    assertThat(layout.owns(longer.entry("k"))).isFalse();
    assertThat(longer.owns(layout.entry("k"))).isFalse();
    assertThat(layout.everything()).isEqualTo("cachefn:{2:ns/??}:*");
  }

  @Test
  void keysThatAreNotCacheFnsAreIgnored() {
    assertThat(KeyLayout.entryOf("user:1")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:v1:x{1:a}:k:k")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:{9:a}:k:k")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:{x:a}:k:k")).isNull();
  }
}
