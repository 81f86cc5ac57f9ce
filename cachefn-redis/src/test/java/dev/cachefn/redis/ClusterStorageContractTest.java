package dev.cachefn.redis;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.StorageContract;

/** The contract on a real Redis Cluster: a namespace's keys spread over slots of three masters. */
class ClusterStorageContractTest extends StorageContract {

  @Override
  protected Storage storage() {
    return SharedCluster.storage();
  }
}
