package dev.cachefn.redis.internal;

/** An entry of the near cache: the namespace and the cache key. */
record NearKey(String namespace, String key) {}
