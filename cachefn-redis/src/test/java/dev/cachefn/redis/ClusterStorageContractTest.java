package dev.cachefn.redis;

import dev.cachefn.spi.Storage;

/** The contract on a real Redis Cluster: a namespace's keys spread over slots of three masters. */
class ClusterStorageContractTest extends StorageContractTest {

  @Override
  protected Storage storage() {
    return SharedCluster.storage();
  }
}
