package dev.cachefn.redis;

import dev.cachefn.spi.Storage;

/** The contract on the tiered storage in front of a real Redis Cluster. */
class ClusterTieredStorageContractTest extends StorageContractTest {

  @Override
  protected Storage storage() {
    return SharedCluster.tiered();
  }
}
