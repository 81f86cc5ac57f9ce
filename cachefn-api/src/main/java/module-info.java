/**
 * CacheFn's API: the {@link dev.cachefn.Cache} users code against and the {@link dev.cachefn.spi.Storage}
 * SPI that storages implement. The {@code dev.cachefn.internal} package is exported to no module.
 */
module dev.cachefn.api {
  requires static transitive org.jspecify;

  exports dev.cachefn;
  exports dev.cachefn.spi;

  uses dev.cachefn.spi.StorageProvider;
}
