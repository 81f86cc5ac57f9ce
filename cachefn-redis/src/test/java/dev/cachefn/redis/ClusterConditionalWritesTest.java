package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.ConditionalWritesContract;

/** The compare-and-set contract on a Redis Cluster: the script declares the keys of the entry's bucket. */
class ClusterConditionalWritesTest extends ConditionalWritesContract {

  @Override
  protected Storage storage() {
    return SharedCluster.storage();
  }
}
