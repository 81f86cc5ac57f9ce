package dev.cachefn.memory.internal;

import dev.cachefn.memory.MemoryStorage;
import dev.cachefn.spi.Storage;
import dev.cachefn.spi.StorageProvider;

/** Registers the in-memory storage under the name {@code "memory"}. */
public final class MemoryStorageProvider implements StorageProvider {

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Storage create() {
    return MemoryStorage.create();
  }
}
