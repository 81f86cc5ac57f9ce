package dev.cachefn.redis;

import dev.cachefn.spi.Storage;

/** The contract on a real Redis server. */
class RedisStorageContractTest extends StorageContractTest {

  @Override
  protected Storage storage() {
    return SharedRedis.storage();
  }
}
