package dev.cachefn.redis;

import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Storage;

/** The freshness contract on the in-memory storage, the reference. */
class MemoryFreshnessContractTest extends FreshnessContractTest {

  private static final Storage STORAGE = MemoryStorage.create();

  @Override
  protected Storage storage() {
    return STORAGE;
  }

  @Override
  protected boolean sharedAcrossInstances() {
    return false;
  }
}
