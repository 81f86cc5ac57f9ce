/**
 * An application of CacheFn on the module path: it reads {@code dev.cachefn.memory} (and through it
 * {@code dev.cachefn.api}) as any application would, and nothing else of theirs.
 */
module dev.cachefn.moduletest {
  requires dev.cachefn.memory;
  requires static org.jspecify;

  uses dev.cachefn.spi.StorageProvider;
}
