package dev.cachefn.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How globs become {@code SCAN MATCH} patterns: literals escaped, never narrower than the glob. */
class RedisGlobTest {

  @Test
  void literalsAreEscapedSoThatTheyMatchOnlyThemselves() {
    assertThat(RedisGlob.literal("cachefn:{3:a*b}:k:")).isEqualTo("cachefn:{3:a\\*b}:k:");
    assertThat(RedisGlob.literal("[x]?\\^-")).isEqualTo("\\[x\\]\\?\\\\\\^\\-");
  }

  @Test
  void starsAndAsciiClassesPassThroughAndQuestionMarksWiden() {
    assertThat(RedisGlob.superset("user:*")).isEqualTo("user:*");
    assertThat(RedisGlob.superset("user:[12]")).isEqualTo("user:[\\1\\2]");
    assertThat(RedisGlob.superset("[a-z]x")).isEqualTo("[a-z]x");
    assertThat(RedisGlob.superset("a?b")).isEqualTo("a*b");
    assertThat(RedisGlob.superset("a?*b")).isEqualTo("a*b");
  }

  @Test
  void negatedNonAsciiAndUnwritableClassesWiden() {
    assertThat(RedisGlob.superset("[!a]")).isEqualTo("*");
    assertThat(RedisGlob.superset("[é]")).isEqualTo("*");
    assertThat(RedisGlob.superset("[!-^]")).isEqualTo("*");
    assertThat(RedisGlob.superset("[\\]-a]")).isEqualTo("*");
  }

  @Test
  void escapesInTheGlobStayLiteral() {
    assertThat(RedisGlob.superset("a\\*b")).isEqualTo("a\\*b");
    assertThat(RedisGlob.superset("a\\**")).isEqualTo("a\\**");
  }

  @Test
  void keyLayoutPrefixesNeverOverlap() {
    assertThat(new KeyLayout("a", null).entry("b:c")).isNotEqualTo(new KeyLayout("a:b", null).entry("c"));
    assertThat(new KeyLayout("a", null).prefix(0)).isEqualTo("cachefn:{1:a}:");
    assertThat(RedisKeyspace.millis(java.time.Duration.ofNanos(1))).isEqualTo(1);
    assertThat(RedisKeyspace.millis(java.time.Duration.ofMillis(1500))).isEqualTo(1500);
    assertThat(RedisKeyspace.millis(java.time.Duration.ofNanos(1_500_001))).isEqualTo(2);
  }
}
