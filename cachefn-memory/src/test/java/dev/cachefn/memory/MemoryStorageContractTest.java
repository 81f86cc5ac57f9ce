package dev.cachefn.memory;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.StorageContract;

/** The storage contract of cachefn-testkit on the in-memory storage: the reference every storage is held to. */
class MemoryStorageContractTest extends StorageContract {

  private static final MemoryStorage STORAGE = MemoryStorage.create();

  @Override
  protected Storage storage() {
    return STORAGE;
  }
}
