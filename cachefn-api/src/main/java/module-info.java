/**
 * CacheFn's API: the {@link dev.cachefn.Cache} users code against and the {@link dev.cachefn.spi.Storage}
 * SPI that storages implement. The {@code dev.cachefn.internal} packages are not exported to applications.
 */
@SuppressWarnings("module") // dev.cachefn.cdi is built after this module, so javac cannot see it here
module dev.cachefn.api {
  requires static transitive org.jspecify;

  exports dev.cachefn;
  exports dev.cachefn.spi;
  // the CDI module's @Memoize writes keys exactly as Cache.memoize does, with the same code
  exports dev.cachefn.internal.keys to dev.cachefn.cdi;

  uses dev.cachefn.spi.StorageProvider;
}
