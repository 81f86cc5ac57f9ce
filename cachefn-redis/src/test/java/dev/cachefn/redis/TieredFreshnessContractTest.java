package dev.cachefn.redis;

import dev.cachefn.spi.Storage;

/** The freshness contract on the tiered storage. */
class TieredFreshnessContractTest extends FreshnessContractTest {

  @Override
  protected Storage storage() {
    return SharedRedis.tiered();
  }
}
