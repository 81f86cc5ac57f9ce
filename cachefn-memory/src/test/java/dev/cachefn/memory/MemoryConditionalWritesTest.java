package dev.cachefn.memory;

import dev.cachefn.spi.Storage;
import dev.cachefn.testkit.ConditionalWritesContract;

/** The compare-and-set contract on the in-memory storage, which compares the objects themselves. */
class MemoryConditionalWritesTest extends ConditionalWritesContract {

  private static final MemoryStorage STORAGE = MemoryStorage.create();

  @Override
  protected Storage storage() {
    return STORAGE;
  }
}
