/** CacheFn's in-memory storage, registered under the name {@code "memory"}. */
module dev.cachefn.memory {
  requires transitive dev.cachefn.api;
  requires static org.jspecify;

  exports dev.cachefn.memory;

  provides dev.cachefn.spi.StorageProvider with dev.cachefn.memory.internal.MemoryStorageProvider;
}
