package dev.cachefn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The empty-key rule's edge that the contract tests (CacheBadInputTest) do not reach. */
class ArgumentsTest {

  @Test
  void nonEmptyKeysWhoseHashIsZeroAreAccepted() {
    // the empty string's hash is 0 too: a check by hash must look further
    String nul = "\u0000";
    String twoNuls = "\u0000\u0000";
    assertThat(nul.hashCode()).isZero();
    assertThat(twoNuls.hashCode()).isZero();
    assertThat(Arguments.key(nul)).isSameAs(nul);
    assertThat(Arguments.key(twoNuls)).isSameAs(twoNuls);
  }
}
