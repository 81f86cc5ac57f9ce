package dev.cachefn.redis;

import java.time.Duration;

/** Single flight across two instances on a real Redis Cluster: the lease lives in the entry's slot. */
class ClusterDistributedSingleFlightTest extends DistributedSingleFlightTest {

  @Override
  String uri() {
    return SharedCluster.cluster().uri();
  }

  @Override
  String leaseKey(String key) {
    return "cachefn:{" + namespace.length() + ":" + namespace + "/"
        + dev.cachefn.redis.internal.KeyLayout.CLUSTER_BUCKET_TAGS.get(Math.floorMod(key.hashCode(), 16)) + "}:l:"
        + key;
  }

  @Override
  void leaseHeldByADeadInstance(String key, Duration lease) {
    SharedCluster.cluster().masterOf(leaseKey(key)).on(redis -> redis.set(leaseKey(key), "dead",
        io.lettuce.core.SetArgs.Builder.px(lease.toMillis())));
  }

  @Override
  boolean leaseTaken(String key) {
    return SharedCluster.cluster().masterOf(leaseKey(key)).on(redis -> redis.exists(leaseKey(key))) == 1;
  }
}
