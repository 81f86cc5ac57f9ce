package dev.cachefn.redis;

import dev.cachefn.spi.Storage;

/** The contract on the tiered storage: a near cache in front of a real Redis server. */
class TieredStorageContractTest extends StorageContractTest {

  @Override
  protected Storage storage() {
    return SharedRedis.tiered();
  }
}
