package dev.cachefn.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadStripesTest {

  @Test
  void aboutFourStripesPerProcessorRoundedUpToAPowerOfTwoFrom8To64() {
    assertThat(ThreadStripes.count(0)).isEqualTo(8);
    assertThat(ThreadStripes.count(1)).isEqualTo(8);
    assertThat(ThreadStripes.count(2)).isEqualTo(8);
    assertThat(ThreadStripes.count(3)).isEqualTo(16);
    assertThat(ThreadStripes.count(4)).isEqualTo(16);
    assertThat(ThreadStripes.count(5)).isEqualTo(32);
    assertThat(ThreadStripes.count(16)).isEqualTo(64);
    assertThat(ThreadStripes.count(512)).isEqualTo(64);
    assertThat(ThreadStripes.count()).isEqualTo(ThreadStripes.count(Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void aThreadsHomeIsOneOfTheStripesAndAlwaysTheSame() {
    Thread thread = new Thread(() -> { });
    int home = ThreadStripes.home(thread, 7);
    assertThat(home).isBetween(0, 7).isEqualTo(ThreadStripes.home(thread, 7));
    assertThat(ThreadStripes.home(thread, 63) & 7).isEqualTo(home); // a wider mask keeps the low bits
  }
}
