package dev.cachefn.redis;

import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Storage;

/** The contract on the in-memory storage: the reference the Redis storage is held to. */
class MemoryStorageContractTest extends StorageContractTest {

  private static final MemoryStorage STORAGE = MemoryStorage.create();

  @Override
  protected Storage storage() {
    return STORAGE;
  }
}
