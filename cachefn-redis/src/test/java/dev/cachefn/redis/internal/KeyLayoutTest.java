package dev.cachefn.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which entry a Redis key named in an invalidation message belongs to, with and without a format version. */
class KeyLayoutTest {

  @Test
  void entriesAndTagListsAreRecognisedWithOrWithoutAFormatVersion() {
    for (String version : new String[] {null, "v2", "1.0-rc_1"}) {
      for (int buckets : new int[] {1, 16}) {
        KeyLayout layout = new KeyLayout("a:b}c", version, buckets);

        assertThat(KeyLayout.entryOf(layout.entry("k:1"))).isEqualTo(new NearKey("a:b}c", "k:1"));
        assertThat(KeyLayout.entryOf(layout.meta("x"))).isEqualTo(new NearKey("a:b}c", "x"));
        assertThat(KeyLayout.entryOf(layout.prefix(buckets - 1) + "t:tag")).isNull();
      }
    }
  }

  @Test
  void onAClusterANamespaceIsSpreadOverHashTaggedBucketsAndOwnsOnlyItsOwnKeys() {
    KeyLayout layout = new KeyLayout("ns", null, 16);
    KeyLayout longer = new KeyLayout("x/2:ns", null, 16);

    assertThat(layout.prefix(3)).isEqualTo("cachefn:{3/2:ns}:");
    assertThat(layout.entry("user:1")).isEqualTo(
        "cachefn:{" + Math.floorMod("user:1".hashCode(), 16) + "/2:ns}:k:user:1");
    assertThat(java.util.stream.IntStream.range(0, 100).mapToObj(i -> layout.bucketOf("key" + i)).distinct())
        .hasSize(16);
    assertThat(layout.keyOf(layout.entry("user:1"))).isEqualTo("user:1");
    assertThat(layout.keyOf(layout.meta("user:1"))).isNull();
    assertThat(layout.owns(layout.prefix(15) + "t:tag")).isTrue();
    assertThat(layout.owns("cachefn:{16/2:ns}:k:x")).as("no bucket 16").isFalse();
    assertThat(layout.owns(longer.entry("k"))).isFalse();
    assertThat(longer.owns(layout.entry("k"))).isFalse();
    assertThat(layout.everything()).isEqualTo("cachefn:{*/2:ns}:*");
  }

  @Test
  void keysThatAreNotCacheFnsAreIgnored() {
    assertThat(KeyLayout.entryOf("user:1")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:v1:x{1:a}:k:k")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:{9:a}:k:k")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:{x:a}:k:k")).isNull();
  }
}
