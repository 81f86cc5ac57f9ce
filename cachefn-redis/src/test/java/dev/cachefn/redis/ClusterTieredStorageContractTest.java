package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.StorageContract;

/** The contract on the tiered storage in front of a real Redis Cluster. */
class ClusterTieredStorageContractTest extends StorageContract {

  @Override
  protected Storage storage() {
    return SharedCluster.tiered();
  }
}
