package dev.cachefn.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheEvent;
import dev.cachefn.CacheEventType;
import dev.cachefn.CacheFn;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code invalidateByPattern} with every element of the glob syntax. */
class MemoryCachePatternInvalidationTest {

  private final Cache<String> cache = CacheFn.builder("patterns").build();

  private void setAll(String... keys) {
    for (String key : keys) {
      cache.set(key, "value of " + key);
    }
  }

  @Test
  void starMatchesAnyRunOfCharacters() {
    setAll("user:1", "user:22", "user:", "users", "session:1");

    assertThat(cache.invalidateByPattern("user:*")).isEqualTo(3);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("users", "session:1");
  }

  @Test
  void starInTheMiddleMatchesAcrossSeparators() {
    setAll("user:1:name", "user:1:2:name", "user::name", "user:1:names", "team:1:name");

    assertThat(cache.invalidateByPattern("user:*:name")).isEqualTo(3);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("user:1:names", "team:1:name");
  }

  @Test
  void starAloneMatchesEveryKey() {
    setAll("a", "b", "c:d");

    assertThat(cache.invalidateByPattern("*")).isEqualTo(3);

    assertThat(cache.size()).isZero();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    setAll("user:1", "user:2", "user:22", "user:");

    assertThat(cache.invalidateByPattern("user:?")).isEqualTo(2);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("user:22", "user:");
  }

  @Test
  void bracketListMatchesOneOfTheListedCharacters() {
    setAll("ka", "kb", "kc", "kd", "kab");

    assertThat(cache.invalidateByPattern("k[abc]")).isEqualTo(3);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("kd", "kab");
  }

  @Test
  void bracketRangeMatchesOneCharacterInTheRange() {
    setAll("v-a", "v-m", "v-z", "v-A", "v-0", "v-{");

    assertThat(cache.invalidateByPattern("v-[a-z]")).isEqualTo(3);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("v-A", "v-0", "v-{");
  }

  @Test
  void negatedBracketMatchesAnyOneCharacterButTheListedOnes() {
    setAll("xa", "xb", "x1", "x", "xbb");

    assertThat(cache.invalidateByPattern("x[!a]")).isEqualTo(2);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("xa", "x", "xbb");
  }

  @Test
  void caretAlsoNegatesABracket() {
    setAll("xa", "xb");

    assertThat(cache.invalidateByPattern("x[^a]")).isEqualTo(1);

    assertThat(cache.keys("*")).containsExactly("xa");
  }

  @Test
  void escapedStarMatchesOnlyALiteralStar() {
    setAll("a*b", "axb", "ab", "a**b");

    assertThat(cache.invalidateByPattern("a\\*b")).isEqualTo(1);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("axb", "ab", "a**b");
  }

  @Test
  void escapedSpecialCharactersMatchThemselves() {
    setAll("what?", "whatx", "[x]", "y", "back\\slash", "backxslash");

    assertThat(cache.invalidateByPattern("what\\?")).isEqualTo(1);
    assertThat(cache.invalidateByPattern("\\[x]")).isEqualTo(1);
    assertThat(cache.invalidateByPattern("back\\\\slash")).isEqualTo(1);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("whatx", "y", "backxslash");
  }

  @Test
  void escapedWildcardsCombineWithRealOnes() {
    setAll("a*1", "a*22", "ab1", "a*");

    assertThat(cache.invalidateByPattern("a\\**")).isEqualTo(3);

    assertThat(cache.keys("*")).containsExactly("ab1");
  }

  @Test
  void patternWithoutWildcardsRemovesOnlyThatKey() {
    setAll("user:1", "user:10");

    assertThat(cache.invalidateByPattern("user:1")).isEqualTo(1);
    assertThat(cache.invalidateByPattern("user:1")).isZero();

    assertThat(cache.keys("*")).containsExactly("user:10");
  }

  @Test
  void regexCharactersAreLiteral() {
    setAll("a.b", "axb", "a+", "aa");

    assertThat(cache.invalidateByPattern("a.b")).isEqualTo(1);
    assertThat(cache.invalidateByPattern("a+")).isEqualTo(1);

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("axb", "aa");
  }

  @Test
  void patternMatchingNothingRemovesNothing() {
    setAll("a", "b");

    assertThat(cache.invalidateByPattern("z*")).isZero();

    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void patternInvalidationFiresOneInvalidateEventWithThePatternAndCount() {
    List<CacheEvent<? extends String>> events = new CopyOnWriteArrayList<>();
    cache.on(CacheEventType.INVALIDATE, events::add);
    setAll("user:1", "user:2", "other");

    cache.invalidateByPattern("user:*");

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.count()).isEqualTo(2);
      assertThat(event.pattern()).isEqualTo("user:*");
      assertThat(event.key()).isNull();
      assertThat(event.tags()).isEmpty();
    });
  }
}
