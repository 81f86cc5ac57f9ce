package dev.cachefn.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The glob syntax: every element matches what it should and nothing else; malformed globs fail early. */
class GlobPatternTest {

  private static boolean matches(String pattern, String key) {
    return GlobPattern.compile(pattern).matches(key);
  }

  // ---- literals ----------------------------------------------------------------------------------

  @Test
  void literalPatternMatchesOnlyTheSameKey() {
    GlobPattern glob = GlobPattern.compile("user:42");

    assertThat(glob.matches("user:42")).isTrue();
    assertThat(glob.matches("user:4")).isFalse();
    assertThat(glob.matches("user:421")).isFalse();
    assertThat(glob.matches("xuser:42")).isFalse();
    assertThat(glob.matches("USER:42")).isFalse();
    assertThat(glob.matches("")).isFalse();
  }

  @Test
  void literalPatternReportsItsOneKey() {
    assertThat(GlobPattern.compile("user:42").literal()).isEqualTo("user:42");
    assertThat(GlobPattern.compile("a\\*b\\?\\[c\\]").literal()).isEqualTo("a*b?[c]");
    assertThat(GlobPattern.compile("user:*").literal()).isNull();
    assertThat(GlobPattern.compile("user:?").literal()).isNull();
    assertThat(GlobPattern.compile("user:[12]").literal()).isNull();
  }

  @Test
  void regexMetacharactersAreLiteral() {
    assertThat(matches("a.b", "a.b")).isTrue();
    assertThat(matches("a.b", "axb")).isFalse();
    assertThat(matches("a+", "aa")).isFalse();
    assertThat(matches("a+", "a+")).isTrue();
    assertThat(matches("(x|y)", "(x|y)")).isTrue();
    assertThat(matches("(x|y)", "x")).isFalse();
    assertThat(matches("^a$", "^a$")).isTrue();
    assertThat(matches("a{2}", "aa")).isFalse();
    assertThat(matches("]", "]")).isTrue();
  }

  // ---- * -----------------------------------------------------------------------------------------

  @ParameterizedTest(name = "\"{0}\" vs \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
    "user:*      | user:         | true",
    "user:*      | user:1        | true",
    "user:*      | user:1:name   | true",
    "user:*      | user          | false",
    "user:*      | xuser:1       | false",
    "*:name      | user:1:name   | true",
    "*:name      | :name         | true",
    "*:name      | user:1:names  | false",
    "user:*:name | user::name    | true",
    "user:*:name | user:1:2:name | true",
    "user:*:name | user:1:nam    | false",
    "a*b*c       | abc           | true",
    "a*b*c       | axxbyyc       | true",
    "a*b*c       | abcbc         | true",
    "a*b*c       | acb           | false",
    "a*b*c       | abcb          | false",
    "*a          | aaaa          | true",
    "*a          | aaab          | false",
    "a**b        | ab            | true",
    "a**b        | axyb          | true",
  })
  void starMatchesAnyRunOfCharactersIncludingNone(String pattern, String key, boolean expected) {
    assertThat(matches(pattern, key)).isEqualTo(expected);
  }

  @Test
  void starAloneMatchesEverythingIncludingTheEmptyKey() {
    GlobPattern all = GlobPattern.compile("*");

    assertThat(all.matchesAll()).isTrue();
    assertThat(all.literal()).isNull();
    assertThat(all.matches("")).isTrue();
    assertThat(all.matches("anything:at/all")).isTrue();
    assertThat(GlobPattern.compile("**").matchesAll()).isTrue();
    assertThat(GlobPattern.ALL.matchesAll()).isTrue();
    assertThat(GlobPattern.compile("a*").matchesAll()).isFalse();
    assertThat(GlobPattern.compile("\\*").matchesAll()).isFalse();
  }

  // ---- ? -----------------------------------------------------------------------------------------

  @ParameterizedTest(name = "\"{0}\" vs \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
    "a?c   | abc   | true",
    "a?c   | a?c   | true",
    "a?c   | ac    | false",
    "a?c   | abbc  | false",
    "?     | x     | true",
    "?     | ''    | false",
    "??    | xy    | true",
    "??    | x     | false",
    "?*    | x     | true",
    "?*    | ''    | false",
    "*?    | xyz   | true",
  })
  void questionMarkMatchesExactlyOneCharacter(String pattern, String key, boolean expected) {
    assertThat(matches(pattern, key)).isEqualTo(expected);
  }

  // ---- [abc] [a-z] [!a] ----------------------------------------------------------------------------

  @ParameterizedTest(name = "\"{0}\" vs \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
    "k[abc]   | ka   | true",
    "k[abc]   | kb   | true",
    "k[abc]   | kc   | true",
    "k[abc]   | kd   | false",
    "k[abc]   | k    | false",
    "k[abc]   | kab  | false",
    "k[abc]   | kA   | false",
    "[x]      | x    | true",
  })
  void bracketListMatchesOneOfItsCharacters(String pattern, String key, boolean expected) {
    assertThat(matches(pattern, key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" vs \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
    "[a-z]        | a  | true",
    "[a-z]        | m  | true",
    "[a-z]        | z  | true",
    "[a-z]        | A  | false",
    "[a-z]        | 0  | false",
    "[a-z]        | {  | false",
    "[a-z]        | `  | false",
    "[0-9][0-9]   | 42 | true",
    "[0-9][0-9]   | 4x | false",
    "[a-cx-z]     | b  | true",
    "[a-cx-z]     | y  | true",
    "[a-cx-z]     | m  | false",
    "[a-c_]       | _  | true",
    "[a-a]        | a  | true",
    "[a-a]        | b  | false",
    "[a-]         | a  | true",
    "[a-]         | -  | true",
    "[a-]         | b  | false",
    "[-a]         | -  | true",
  })
  void bracketRangeMatchesOneCharacterInTheRangeBothEndsIncluded(String pattern, String key, boolean expected) {
    assertThat(matches(pattern, key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" vs \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
    "x[!a]    | xb   | true",
    "x[!a]    | x1   | true",
    "x[!a]    | xa   | false",
    "x[!a]    | x    | false",
    "x[!a]    | xbb  | false",
    "x[^a]    | xb   | true",
    "x[^a]    | xa   | false",
    "[!a-y]   | z    | true",
    "[!a-y]   | m    | false",
    "[!abc]   | d    | true",
    "[!abc]   | c    | false",
    "[a!]     | !    | true",
    "[a^]     | ^    | true",
  })
  void negatedBracketMatchesOneCharacterOutsideIt(String pattern, String key, boolean expected) {
    assertThat(matches(pattern, key)).isEqualTo(expected);
  }

  // ---- escapes -----------------------------------------------------------------------------------

  @Test
  void backslashMakesTheNextCharacterLiteral() {
    assertThat(matches("a\\*b", "a*b")).isTrue();
    assertThat(matches("a\\*b", "axb")).isFalse();
    assertThat(matches("a\\*b", "ab")).isFalse();
    assertThat(matches("a\\?", "a?")).isTrue();
    assertThat(matches("a\\?", "ab")).isFalse();
    assertThat(matches("\\[ab]", "[ab]")).isTrue();
    assertThat(matches("\\[ab]", "a")).isFalse();
    assertThat(matches("a\\\\b", "a\\b")).isTrue();
    assertThat(matches("a\\\\b", "a\\\\b")).isFalse();
    assertThat(matches("\\a\\b", "ab")).isTrue();
  }

  @Test
  void escapedStarCombinesWithARealStar() {
    assertThat(matches("\\**", "*")).isTrue();
    assertThat(matches("\\**", "*anything")).isTrue();
    assertThat(matches("\\**", "anything")).isFalse();
    assertThat(GlobPattern.compile("\\**").matchesAll()).isFalse();
  }

  @Test
  void backslashEscapesInsideBrackets() {
    assertThat(matches("[\\]]", "]")).isTrue();
    assertThat(matches("[\\]]", "\\")).isFalse();
    assertThat(matches("[a\\-z]", "-")).isTrue();
    assertThat(matches("[a\\-z]", "a")).isTrue();
    assertThat(matches("[a\\-z]", "z")).isTrue();
    assertThat(matches("[a\\-z]", "m")).isFalse();
    assertThat(matches("[\\!a]", "!")).isTrue();
    assertThat(matches("[\\!a]", "b")).isFalse();
    assertThat(matches("[\\\\]", "\\")).isTrue();
  }

  // ---- identity ----------------------------------------------------------------------------------

  @Test
  void patternIsKeptAsWrittenAndDefinesEquality() {
    GlobPattern glob = GlobPattern.compile("user:[0-9]*");

    assertThat(glob.pattern()).isEqualTo("user:[0-9]*");
    assertThat(glob).hasToString("user:[0-9]*");
    assertThat(glob).isEqualTo(GlobPattern.compile("user:[0-9]*"));
    assertThat(glob).hasSameHashCodeAs(GlobPattern.compile("user:[0-9]*"));
    assertThat(glob).isNotEqualTo(GlobPattern.compile("user:[0-9]?"));
  }

  // ---- malformed ---------------------------------------------------------------------------------

  @Test
  void nullPatternIsRejected() {
    assertThatThrownBy(() -> GlobPattern.compile(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("pattern");
  }

  @Test
  void emptyPatternIsRejectedSayingSo() {
    assertThatThrownBy(() -> GlobPattern.compile(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern")
        .hasMessageContaining("empty");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
    "[", "[abc", "user:[", "user:[a-z", "[!", "[!abc", "[a-", "[\\]", "[abc\\",
    "[]", "[!]", "[^]", "x[]y",
    "[z-a]", "[9-0]", "[a-cz-x]", "[!b-a]",
    "\\", "abc\\", "a*\\",
  })
  void malformedPatternIsRejectedWithAMessageNamingIt(String pattern) {
    assertThatThrownBy(() -> GlobPattern.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + pattern + "'");
  }

  @Test
  void malformedPatternMessagesNameThePositionAndTheProblem() {
    assertThatThrownBy(() -> GlobPattern.compile("ab[cd"))
        .hasMessageContaining("index 2")
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> GlobPattern.compile("ab[]"))
        .hasMessageContaining("index 2")
        .hasMessageContaining("empty character class");
    assertThatThrownBy(() -> GlobPattern.compile("x[z-a]"))
        .hasMessageContaining("index 2")
        .hasMessageContaining("'z-a'")
        .hasMessageContaining("reversed");
    assertThatThrownBy(() -> GlobPattern.compile("abc\\"))
        .hasMessageContaining("index 3")
        .hasMessageContaining("trailing");
  }
}
