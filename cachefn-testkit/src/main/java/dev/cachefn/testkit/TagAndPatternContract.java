package dev.cachefn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheBuilder;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.spi.Storage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tests of {@link StorageContract} about which entries a tag, a key pattern or a namespace selects: removal
 * by tags, glob matching (escapes, character classes, non-ASCII keys) and namespaces that never see each other's
 * entries. A storage author extends {@code StorageContract}, which runs these too; this class holds what every
 * contract test shares: the storage under test and the caches on it.
 */
public abstract class TagAndPatternContract {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** The storage under test, shared by the test's caches. */
  protected abstract Storage storage();

  /** A builder of a cache on {@link #storage()} in a namespace of this test's own. */
  protected CacheBuilder builder(String namespace) {
    return CacheFn.builder("contract").namespace(run + "/" + namespace).storage(storage());
  }

  /** A cache on {@link #storage()} in a namespace of this test's own. */
  protected <V> Cache<V> cache(String namespace) {
    return builder(namespace).build();
  }

  /** The cache most tests use, in the namespace {@code main}. */
  protected final Cache<String> cache = cache("main");

  // ---- tags -------------------------------------------------------------------------------------------

  @Test
  public void invalidateByTagsRemovesEntriesCarryingAnyTagAndCountsEachOnce() {
    cache.set("a", "1", SetOptions.tags("x", "y"));
    cache.set("b", "2", SetOptions.tags("y"));
    cache.set("c", "3", SetOptions.tags("z"));
    cache.set("d", "4");

    assertThat(cache.invalidateByTags(List.of("x", "y"))).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactlyInAnyOrder("c", "d");
    assertThat(cache.invalidateByTag("z")).isEqualTo(1);
  }

  @Test
  public void anEntryWrittenAgainWithoutOptionsOrAfterADeleteKeepsNoOldTag() {
    cache.set("overwritten", "old", SetOptions.tags("t"));
    cache.set("deleted", "1", SetOptions.tags("u"));

    cache.set("overwritten", "new");
    cache.delete("deleted");
    cache.set("deleted", "2");

    assertThat(cache.invalidateByTag("t")).isZero();
    assertThat(cache.invalidateByTag("u")).isZero();
    assertThat(cache.get("overwritten")).isEqualTo("new");
    assertThat(cache.get("deleted")).isEqualTo("2");
  }

  // ---- patterns ---------------------------------------------------------------------------------------

  @Test
  public void keysAndEntriesFollowTheGlob() {
    cache.set("user:1", "a");
    cache.set("user:2", "b");
    cache.set("user:10", "c");
    cache.set("session:1", "d");

    assertThat(cache.keys("*")).containsExactlyInAnyOrder("user:1", "user:2", "user:10", "session:1");
    assertThat(cache.keys("user:?")).containsExactlyInAnyOrder("user:1", "user:2");
    assertThat(cache.keys("user:[12]*")).containsExactlyInAnyOrder("user:1", "user:2", "user:10");
    assertThat(cache.keys("user:[!1]")).containsExactly("user:2");
    assertThat(cache.keys("user:[^1]")).containsExactly("user:2");
    assertThat(cache.keys("[a-t]*:1")).containsExactly("session:1");
    assertThat(cache.keys("session:1")).containsExactly("session:1");
    assertThat(cache.keys("user:3")).isEmpty();
    assertThat(cache.entries("user:*", 100)).containsOnlyKeys("user:1", "user:2", "user:10");
    assertThat(cache.entries("*", 3)).hasSize(3);
    assertThat(cache.entries("*", 0)).isEmpty();
  }

  @Test
  public void keysWithGlobMetacharactersAreMatchedLiterallyWhenEscaped() {
    cache.set("a*b", "star");
    cache.set("axb", "x");
    cache.set("q?[1]\\", "all");

    assertThat(cache.keys("a\\*b")).containsExactly("a*b");
    assertThat(cache.keys("a*b")).containsExactlyInAnyOrder("a*b", "axb");
    assertThat(cache.keys("q\\?\\[1\\]\\\\")).containsExactly("q?[1]\\");
    assertThat(cache.keys("q?[[]*")).containsExactly("q?[1]\\");
    assertThat(cache.invalidateByPattern("a\\*?")).isEqualTo(1);
    assertThat(cache.has("axb")).isTrue();
  }

  @Test
  public void nonAsciiKeysMatchCharacterByCharacter() {
    cache.set("ключ:1", "a");
    cache.set("ключ:é", "b");
    cache.set("ключ:10", "c");

    assertThat(cache.keys("ключ:?")).containsExactlyInAnyOrder("ключ:1", "ключ:é");
    assertThat(cache.keys("ключ:[é]")).containsExactly("ключ:é");
    assertThat(cache.keys("ключ:[!é]")).containsExactly("ключ:1");
    assertThat(cache.get("ключ:é")).isEqualTo("b");
  }

  @Test
  public void invalidateByPatternRemovesOnlyMatchingKeysAndCountsThem() {
    cache.set("user:1", "a", SetOptions.tags("t"));
    cache.set("user:2", "b");
    cache.set("other", "c", SetOptions.tags("t"));

    assertThat(cache.invalidateByPattern("user:*")).isEqualTo(2);
    assertThat(cache.keys("*")).containsExactly("other");
    assertThat(cache.invalidateByTag("t")).isEqualTo(1);
  }

  // ---- namespaces -------------------------------------------------------------------------------------

  @Test
  public void namespacesNeverCollideEvenWhenOneLooksLikeAPrefixOfTheOther() {
    Cache<String> a = cache("a");
    Cache<String> ab = cache("a:b");
    a.set("b:c", "from a");
    ab.set("c", "from a:b");

    assertThat(a.get("b:c")).isEqualTo("from a");
    assertThat(ab.get("c")).isEqualTo("from a:b");
    assertThat(a.keys("*")).containsExactly("b:c");
    assertThat(ab.keys("*")).containsExactly("c");
    assertThat(ab.get("b:c")).isNull();
  }

  @Test
  public void clearAndPatternsTouchOnlyTheirNamespaceEvenWithGlobCharactersInIt() {
    Cache<String> globby = cache("ns*[1]?");
    Cache<String> lookalike = cache("nsX1Y");
    Cache<String> other = cache("ns");
    for (Cache<String> c : List.of(globby, lookalike, other)) {
      c.set("k", "v", SetOptions.tags("t"));
      c.set("j", "v");
    }

    globby.clear();
    assertThat(lookalike.invalidateByPattern("*")).isEqualTo(2);

    assertThat(globby.keys("*")).isEmpty();
    assertThat(other.keys("*")).containsExactlyInAnyOrder("k", "j");
    assertThat(other.invalidateByTag("t")).isEqualTo(1);
    assertThat(other.size()).isEqualTo(1);
  }
}
