package dev.cachefn.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The estimate counts each entry's own node class and the hash table's array as it grows. */
class SizeEstimatorTest {

  @Test
  void entryCostsFollowTheNodeClass() {
    long plain = SizeEstimator.entry("k", "v", false, 0);
    long expiring = SizeEstimator.entry("k", "v", true, 0);
    long tagged = SizeEstimator.entry("k", "v", false, 1);

    assertThat(plain).isEqualTo(64 + 48 + 48); // table node + node, key string, value string
    assertThat(expiring - plain).isEqualTo(16 + SizeEstimator.EXPIRY_SLOT);
    assertThat(tagged - plain).isEqualTo(8 + SizeEstimator.TAG_OVERHEAD); // one tag: no array
    assertThat(SizeEstimator.entry("k", "v", true, 3) - expiring).isEqualTo(32 + 3 * SizeEstimator.TAG_OVERHEAD);
  }
}
