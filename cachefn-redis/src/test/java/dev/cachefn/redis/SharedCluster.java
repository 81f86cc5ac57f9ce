package dev.cachefn.redis;

/**
 * One Redis Cluster (three masters with a replica each), one {@link RedisStorage} and one {@link TieredStorage}
 * on it for the whole test run, started on first use and stopped when the JVM exits. Tests keep apart by
 * namespace; a test that fails a node over or stops one leaves the cluster healthy again.
 */
final class SharedCluster {

  private static RedisCluster cluster;
  private static RedisStorage storage;
  private static TieredStorage tiered;

  private SharedCluster() {}

  static synchronized RedisCluster cluster() {
    if (cluster == null) {
      cluster = RedisCluster.start();
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-redis-cluster"));
    }
    return cluster;
  }

  static synchronized RedisStorage storage() {
    if (storage == null) {
      storage = RedisStorage.create(cluster().uri());
    }
    return storage;
  }

  static synchronized TieredStorage tiered() {
    if (tiered == null) {
      tiered = TieredStorage.create(cluster().uri());
    }
    return tiered;
  }
}
