package dev.cachefn.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.CacheKeyGenerator;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key format of {@code @Memoize} and {@code @Invalidate} methods. Keys are visible to users (through
 * {@code keys(pattern)} and in invalidation by key), so the exact text is pinned here.
 */
class KeySchemeTest {

  /** Methods whose parameters make the keys below. */
  @SuppressWarnings("unused")
  static final class Shapes {
    String none() {
      return "";
    }

    String text(String id) {
      return id;
    }

    String number(long id) {
      return "";
    }

    String boxed(Integer id) {
      return "";
    }

    String two(String word, int times) {
      return word;
    }

    String chosen(String trace, @CacheKey String id, int attempt, @CacheKey String region) {
      return id;
    }

    String array(String[] ids) {
      return "";
    }

    String nested(int[][] grid) {
      return "";
    }

    String anything(Object value) {
      return "";
    }

    String list(List<String> ids) {
      return "";
    }
  }

  private static String key(String method, Object... arguments) {
    Method target = method(method);
    return KeyScheme.of(target, CacheKeyGenerator.class).key(target, arguments);
  }

  private static Method method(String name) {
    for (Method method : Shapes.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name);
  }

  @Test
  void aMethodWithoutKeyParametersHasOneFixedKey() {
    assertThat(key("none")).isEqualTo("\\()").isEqualTo(KeyScheme.NO_PARAMETERS);
  }

  @Test
  void oneParameterIsItsTextWhenNothingNeedsEscaping() {
    assertThat(key("text", "user-42")).isEqualTo("user-42");
    assertThat(key("text", "")).isEmpty();
    assertThat(key("number", 42L)).isEqualTo("42");
    assertThat(key("boxed", -7)).isEqualTo("-7");
    assertThat(key("list", List.of("a", "b"))).isEqualTo("\\[a\\, b\\]");
  }

  @Test
  void eachSpecialCharacterGetsABackslash() {
    assertThat(key("text", "a:b")).isEqualTo("a\\:b");
    assertThat(key("text", "a,b")).isEqualTo("a\\,b");
    assertThat(key("text", "[x]")).isEqualTo("\\[x\\]");
    assertThat(key("text", "c:\\dir")).isEqualTo("c\\:\\\\dir");
    assertThat(key("text", "::")).isEqualTo("\\:\\:");
    assertThat(key("text", "tail:")).isEqualTo("tail\\:");
  }

  @Test
  void nullIsBackslashZeroAndDiffersFromTheTextNull() {
    assertThat(key("text", (Object) null)).isEqualTo("\\0");
    assertThat(key("text", "null")).isEqualTo("null");
    assertThat(key("text", "\\0")).as("the text \\0 is escaped").isEqualTo("\\\\0");
  }

  @Test
  void severalParametersAreJoinedByColons() {
    assertThat(key("two", "ab", 2)).isEqualTo("ab:2");
    assertThat(key("two", "a:b", 2)).isEqualTo("a\\:b:2");
    assertThat(key("two", null, 0)).isEqualTo("\\0:0");
  }

  @Test
  void onlyCacheKeyParametersCountInTheirOrder() {
    assertThat(key("chosen", "trace-1", "42", 3, "eu")).isEqualTo("42:eu");
    assertThat(key("chosen", "trace-2", "42", 4, "eu")).isEqualTo("42:eu");
  }

  @Test
  void arraysAreWrittenElementByElement() {
    assertThat(key("array", (Object) new String[] {"a", "b:c", null})).isEqualTo("[a,b\\:c,\\0]");
    assertThat(key("array", (Object) new String[0])).isEqualTo("[]");
    assertThat(key("nested", (Object) new int[][] {{1, 2}, {3}})).isEqualTo("[[1,2],[3]]");
    assertThat(key("anything", new long[] {5, 6})).isEqualTo("[5,6]");
  }

  @Test
  void differentArgumentListsNeverShareAKey() {
    Set<String> keys = new HashSet<>();
    List<Object[]> calls = List.of(
        new Object[] {"a:b", 1}, new Object[] {"a", 1}, new Object[] {"a\\", 1}, new Object[] {null, 1},
        new Object[] {"\\0", 1}, new Object[] {"", 1}, new Object[] {"a\\:b", 1});
    for (Object[] call : calls) {
      keys.add(key("two", call));
    }
    assertThat(keys).hasSize(calls.size());
  }

  @Test
  void aRuntimeValueWithoutItsOwnToStringIsRejectedNamingItsClass() {
    assertThatThrownBy(() -> key("anything", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("does not override toString()");
  }

  @Test
  void aGeneratorSeesTheArgumentsAndItsKeyIsUsedAsIs() {
    Method target = method("two");
    KeyScheme scheme = KeyScheme.of(target, Joined.class);
    scheme.useGenerator(new Joined());

    assertThat(scheme.key(target, new Object[] {"a:b", 2})).isEqualTo("two/a:b/2");
  }

  @Test
  void aGeneratorReturningAnEmptyKeyFailsNamingTheGenerator() {
    Method target = method("text");
    KeyScheme scheme = KeyScheme.of(target, Joined.class);
    scheme.useGenerator((method, arguments) -> "");

    assertThatThrownBy(() -> scheme.key(target, new Object[] {"x"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Joined.class.getName())
        .hasMessageContaining("an empty key");
  }

  /** Joins the method name and the arguments with {@code /}. */
  static final class Joined implements CacheKeyGenerator {
    @Override
    public String key(Method method, Object[] arguments) {
      StringBuilder key = new StringBuilder(method.getName());
      for (Object argument : arguments) {
        key.append('/').append(argument);
      }
      return key.toString();
    }
  }
}
