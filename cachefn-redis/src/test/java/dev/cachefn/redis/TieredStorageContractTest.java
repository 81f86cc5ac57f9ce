package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.StorageContract;

/** The contract on the tiered storage: a near cache in front of a real Redis server. */
class TieredStorageContractTest extends StorageContract {

  @Override
  protected Storage storage() {
    return SharedRedis.tiered();
  }
}
