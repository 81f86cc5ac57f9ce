package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.ConditionalWritesContract;

/** The compare-and-set contract on the tiered storage: compared in Redis, the near entry dropped. */
class TieredConditionalWritesTest extends ConditionalWritesContract {

  @Override
  protected Storage storage() {
    return SharedRedis.tiered();
  }
}
