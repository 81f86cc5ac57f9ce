package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.ConditionalWritesContract;

/** The compare-and-set contract on the redis storage, where a script compares the stamp or the bytes. */
class RedisConditionalWritesTest extends ConditionalWritesContract {

  @Override
  protected Storage storage() {
    return SharedRedis.storage();
  }
}
