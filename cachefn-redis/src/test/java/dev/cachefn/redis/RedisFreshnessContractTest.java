package dev.cachefn.redis;

import dev.cachefn.spi.Storage;

/** The freshness contract on the redis storage. */
class RedisFreshnessContractTest extends FreshnessContractTest {

  @Override
  protected Storage storage() {
    return SharedRedis.storage();
  }
}
