package dev.cachefn.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which entry a Redis key named in an invalidation message belongs to, with and without a format version. */
class KeyLayoutTest {

  @Test
  void entriesAndTagListsAreRecognisedWithOrWithoutAFormatVersion() {
    for (String version : new String[] {null, "v2", "1.0-rc_1"}) {
      KeyLayout layout = new KeyLayout("a:b}c", version);

      assertThat(KeyLayout.entryOf(layout.entry("k:1"))).isEqualTo(new NearKey("a:b}c", "k:1"));
      assertThat(KeyLayout.entryOf(layout.meta("x"))).isEqualTo(new NearKey("a:b}c", "x"));
      assertThat(KeyLayout.entryOf(layout.prefix() + "t:tag")).isNull();
    }
  }

  @Test
  void keysThatAreNotCacheFnsAreIgnored() {
    assertThat(KeyLayout.entryOf("user:1")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:v1:x{1:a}:k:k")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:{9:a}:k:k")).isNull();
    assertThat(KeyLayout.entryOf("cachefn:{x:a}:k:k")).isNull();
  }
}
