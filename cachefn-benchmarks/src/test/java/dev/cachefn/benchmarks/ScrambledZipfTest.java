package dev.cachefn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrambledZipfTest {

  @Test
  void harmonicNumberOfTheHugeKeySpaceMatchesTheKnownConstant() {
    // H(10^10, 0.99), the constant YCSB's scrambled Zipfian generator hard-codes
    assertThat(ScrambledZipf.zeta(ScrambledZipf.KEY_SPACE, ScrambledZipf.THETA)).isCloseTo(26.46902820178302, within(1e-6));
    assertThat(ScrambledZipf.zeta(2, 0.99)).isCloseTo(1 + Math.pow(0.5, 0.99), within(1e-12));
  }

  @Test
  void keysAreSkewedSpreadAndDeterministic() {
    String[] keys = Keys.zipf();

    assertThat(keys).hasSize(Keys.SIZE).isEqualTo(Keys.zipf());
    int distinct = Keys.distinct(keys);
    assertThat(distinct).isBetween(Keys.ITEMS / 4, Keys.ITEMS);
    Map<String, Integer> counts = new HashMap<>();
    for (String key : keys) {
      counts.merge(key, 1, Integer::sum);
    }
    int top = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(top).as("the most popular key is drawn far more often than 1/ITEMS").isGreaterThan(100);
    assertThat(Keys.CAPACITY).isGreaterThanOrEqualTo(2 * distinct);
  }
}
