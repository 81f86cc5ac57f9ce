package dev.cachefn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.spi.Keyspace;
import dev.cachefn.spi.KeyspaceSettings;
import dev.cachefn.spi.RemovalListener;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who closes a storage: a cache built by storage name owns the storage its provider made and closes it with
 * itself; a storage passed as an instance belongs to the caller and stays open.
 */
class StorageOwnershipTest {

  /** Every storage the provider below made, in order. */
  static final List<ClosableStorage> MADE = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    MADE.clear();
  }

  @Test
  void aCacheBuiltByStorageNameClosesItsOwnStorageWithItself() {
    Cache<String> first = CacheFn.builder("first").storage("closable").build();
    Cache<String> second = CacheFn.builder("second").storage("closable").build();
    assertThat(MADE).hasSize(2).noneMatch(storage -> storage.closed);

    first.close();

    assertThat(MADE.get(0).closed).isTrue();
    assertThat(MADE.get(1).closed).isFalse();
    second.close();
    second.close();
    assertThat(MADE.get(1).closes).isEqualTo(1);
  }

  @Test
  void aStoragePassedAsAnInstanceStaysOpenWhenItsCachesClose() {
    ClosableStorage shared = new ClosableStorage();
    Cache<String> first = CacheFn.builder("first").storage(shared).build();
    Cache<String> second = CacheFn.builder("second").storage(shared).build();

    first.close();
    second.close();

    assertThat(shared.closed).isFalse();
  }

  /** A storage over {@link MapKeyspace} that records being closed. */
  static final class ClosableStorage implements Storage, AutoCloseable {
    volatile boolean closed;
    volatile int closes;

    @Override
    public <V> Keyspace<V> open(KeyspaceSettings settings, RemovalListener<? super V> listener) {
      return new MapKeyspace<>(settings.maxSize(), listener);
    }

    @Override
    public void close() {
      closed = true;
      closes++;
    }
  }

  /** Registered in this module's test {@code META-INF/services} as {@code "closable"}. */
  public static final class ClosableStorageProvider implements StorageProvider {
    @Override
    public String name() {
      return "closable";
    }

    @Override
    public Storage create() {
      ClosableStorage storage = new ClosableStorage();
      MADE.add(storage);
      return storage;
    }
  }
}
