package dev.cachefn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void aKeyIsRejectedWhenEmptyAndOnlyThen() {
    assertThatThrownBy(() -> Arguments.key(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> Arguments.key(null))
        .isInstanceOf(NullPointerException.class).hasMessage("key must not be null");
    assertThat(Arguments.key(" ")).isEqualTo(" ");
  }

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

  @Test
  void aKeyWhoseHashIsNotYetComputedIsCheckedAllTheSame() {
    String fresh = new String(new char[] {'k'}); // hash computed by the check itself
    assertThat(Arguments.key(fresh)).isSameAs(fresh);
    String empty = new String(new char[0]);
    assertThatThrownBy(() -> Arguments.key(empty)).isInstanceOf(IllegalArgumentException.class);
  }
}
