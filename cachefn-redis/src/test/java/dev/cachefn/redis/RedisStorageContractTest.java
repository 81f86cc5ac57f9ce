package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.StorageContract;

/** The contract on a real Redis server. */
class RedisStorageContractTest extends StorageContract {

  @Override
  protected Storage storage() {
    return SharedRedis.storage();
  }
}
