package dev.cachefn.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The application's storages: started once per name and shared, reported by name when they cannot start, closed
 * at shutdown (a failing close does not keep the others open), and never started again afterwards.
 */
class StorageRegistryTest {

  private final List<Made> made = new ArrayList<>();
  private final Map<String, String> failing = new LinkedHashMap<>();
  private final StorageRegistry registry = new StorageRegistry(this::provider);

  private Optional<StorageProvider> provider(String name) {
    if (name.equals("unknown")) {
      return Optional.empty();
    }
    return Optional.of(new StorageProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Storage create() {
        String reason = failing.get(name);
        if (reason != null) {
          throw new IllegalStateException(reason);
        }
        Made storage = new Made(name);
        made.add(storage);
        return storage;
      }
    });
  }

  @Test
  void aStorageIsMadeOnceAndSharedByEveryCacheThatNamesIt() {
    Storage first = registry.storage("redis");

    assertThat(registry.storage("redis")).isSameAs(first);
    assertThat(made).hasSize(1);
    assertThat(registry.names()).containsExactly("redis");
  }

  @Test
  void startReportsEachStorageThatCannotStartWithItsUsersAndReason() {
    failing.put("tiered", "cachefn.redis.uri is not set");
    Map<String, Set<String>> users = new LinkedHashMap<>();
    users.put("redis", Set.of("cache 'users'"));
    users.put("tiered", Set.of("cache 'products'"));

    List<String> problems = registry.start(users);

    assertThat(problems).containsExactly(
        "storage 'tiered' (used by cache 'products') cannot start: cachefn.redis.uri is not set");
    assertThat(registry.names()).containsExactly("redis");
    assertThat(registry.storage("redis")).isSameAs(made.get(0));
  }

  @Test
  void anUnknownStorageIsNamedInTheError() {
    assertThatThrownBy(() -> registry.storage("unknown"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no storage named 'unknown'");
  }

  @Test
  void closeClosesEveryStorageEvenWhenOneFailsToClose() {
    Made redis = (Made) registry.storage("redis");
    Made tiered = (Made) registry.storage("tiered");
    redis.failOnClose = true;

    registry.close();

    assertThat(redis.closes).isEqualTo(1);
    assertThat(tiered.closes).isEqualTo(1);
    assertThat(registry.names()).isEmpty();
    registry.close();
    assertThat(tiered.closes).isEqualTo(1);
  }

  @Test
  void noStorageStartsAfterClose() {
    registry.close();

    assertThatThrownBy(() -> registry.storage("redis"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the application stopped");
    assertThat(made).isEmpty();
  }

  /** A storage that counts its closes; it holds no entries (these tests open no keyspace). */
  private static final class Made implements Storage, AutoCloseable {
    final String name;
    int closes;
    boolean failOnClose;

    Made(String name) {
      this.name = name;
    }

    @Override
    public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
      throw new UnsupportedOperationException("not opened in these tests");
    }

    @Override
    public void close() {
      closes++;
      if (failOnClose) {
        throw new IllegalStateException("connection already gone");
      }
    }
  }
}
