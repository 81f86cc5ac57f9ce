package dev.cachefn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cachefn.Ticker;
import dev.cachefn.spi.ConditionalWrites;
import dev.cachefn.spi.GlobPattern;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Stamped;
import dev.cachefn.spi.Storage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a keyspace that offers {@link ConditionalWrites} must do, on the keyspace itself: a write conditional on
 * the entry read takes effect while that entry is there, and never over a newer write. Skipped for a storage
 * whose keyspaces do not offer them. Run it as {@link StorageContract} is run: extend it, return the storage.
 */
public abstract class ConditionalWritesContract {

  private final String namespace = "conditional-" + UUID.randomUUID().toString().substring(0, 8);
  private final RemovalListener<Object> none = new RemovalListener<>() {
    @Override
    public void evicted(String key, Object value) {}

    @Override
    public void expired(String key, Object value) {}
  };
  private @Nullable Keyspace<?> opened;

  /** The storage under test. */
  protected abstract Storage storage();

  private <V> Keyspace<V> open() {
    Keyspace<V> keyspace = storage().open(new KeyspaceSettings(namespace, 10_000, Ticker.system()), none);
    opened = keyspace;
    return keyspace;
  }

  /**
   * The keyspace under test with {@code value} written under {@code key}; skips the test when the keyspace
   * offers no conditional writes.
   */
  private <V> Keyspace<V> openWith(String key, V value, Set<String> tags) {
    Keyspace<V> keyspace = open();
    writes(keyspace);
    keyspace.put(key, value, null, tags);
    return keyspace;
  }

  @SuppressWarnings("unchecked") // the keyspace's own value type
  private static <V> ConditionalWrites<V> writes(Keyspace<V> keyspace) {
    assumeTrue(keyspace instanceof ConditionalWrites<?>, "the storage offers no conditional writes");
    return (ConditionalWrites<V>) keyspace;
  }

  @AfterEach
  void close() {
    if (opened != null) {
      opened.clear();
      opened.close();
    }
  }

  @Test
  public void replaceWritesOverTheEntryReadOnlyAndTakesItsTags() {
    Keyspace<String> entries = openWith("k", "first", Set.of("old"));
    String read = entries.get("k");
    ConditionalWrites<String> writes = writes(entries);

    assertThat(writes.replace("k", read, "second", null, Set.of("new"))).isTrue();
    assertThat(writes.replace("k", read, "third", null, Set.of())).as("the entry read was replaced").isFalse();
    assertThat(writes.replace("absent", read, "x", null, Set.of())).as("no entry: nothing read").isFalse();

    assertThat(entries.get("k")).isEqualTo("second");
    assertThat(entries.get("absent")).isNull();
    assertThat(entries.removeByTags(List.of("old"))).isZero();
    assertThat(entries.removeByTags(List.of("new"))).isEqualTo(1);
  }

  @Test
  public void removeRemovesTheEntryReadOnly() {
    Keyspace<String> entries = openWith("k", "first", Set.of("t"));
    String first = entries.get("k");
    entries.put("k", "second", null, Set.of("t"));
    ConditionalWrites<String> writes = writes(entries);

    assertThat(writes.remove("k", first)).as("written again since it was read").isFalse();
    assertThat(entries.get("k")).isEqualTo("second");
    assertThat(writes.remove("k", entries.get("k"))).isTrue();
    assertThat(entries.contains("k")).isFalse();
    assertThat(entries.removeByTags(List.of("t"))).isZero();
  }

  @Test
  public void stampedValuesAreTheSameEntryWhileTheirWriteIsAndNotAfterAnother() {
    Keyspace<Stamped<String>> entries = openWith("k", new Stamped<>("v1", 1_000, Stamped.NEVER), Set.of());
    Stamped<String> first = entries.get("k");
    entries.put("k", new Stamped<>("v2", 2_000, 5_000), null, Set.of());
    Stamped<String> second = entries.get("k");
    ConditionalWrites<Stamped<String>> writes = writes(entries);

    assertThat(writes.replace("k", first, new Stamped<>("fetched", 3_000, Stamped.NEVER), null, Set.of()))
        .as("another write came after the read").isFalse();
    assertThat(entries.get("k").value()).isEqualTo("v2");
    assertThat(writes.replace("k", second, new Stamped<>(null, 3_000, 4_000), null, Set.of())).isTrue();
    assertThat(entries.get("k").isAbsence()).as("a remembered absence replaces it").isTrue();
    assertThat(writes.remove("k", second)).isFalse();
    assertThat(writes.remove("k", entries.get("k"))).isTrue();
    assertThat(entries.keys(GlobPattern.ALL)).isEmpty();
  }
}
