package dev.cachefn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of arguments in memoization keys, which users see in {@code keys(pattern)}. */
class ArgumentTextTest {

  @Test
  void aStringWithNothingToEscapeIsItself() {
    String id = "user-42";
    assertThat(ArgumentText.of(id)).isSameAs(id);
    assertThat(ArgumentText.of("")).isEmpty();
  }

  @Test
  void eachSpecialCharacterGetsABackslash() {
    assertThat(ArgumentText.of("a:b,c[d]e\\f")).isEqualTo("a\\:b\\,c\\[d\\]e\\\\f");
    assertThat(ArgumentText.of(":")).isEqualTo("\\:");
    assertThat(ArgumentText.of("é:ü")).isEqualTo("é\\:ü");
  }

  @Test
  void otherValuesAreWrittenByTheirToString() {
    assertThat(ArgumentText.of(42)).isEqualTo("42");
    assertThat(ArgumentText.of(List.of("a", "b"))).isEqualTo("\\[a\\, b\\]");
  }

  @Test
  void nullIsBackslashZero() {
    assertThat(ArgumentText.of(null)).isEqualTo("\\0").isEqualTo(ArgumentText.NULL);
    assertThat(ArgumentText.of("\\0")).isEqualTo("\\\\0");
  }

  @Test
  void arraysAreWrittenElementByElement() {
    assertThat(ArgumentText.of(new Object[] {"a", null, new int[] {1, 2}})).isEqualTo("[a,\\0,[1,2]]");

    StringBuilder key = new StringBuilder("name:");
    ArgumentText.append(key, new String[] {"x:y"});
    assertThat(key).hasToString("name:[x\\:y]");
  }

  @Test
  void aValueKeepingObjectsToStringIsRejectedNamingItsClass() {
    assertThatThrownBy(() -> ArgumentText.of(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("keyGenerator");
    assertThat(ArgumentText.hasOwnToString(Object.class)).isFalse();
    assertThat(ArgumentText.hasOwnToString(Integer.class)).isTrue();
  }
}
