package dev.cachefn.benchmarks.hitrate;

import java.nio.file.Path;

/**
 * An access trace, read once: the keys in access order, and the same accesses as dense ids
 * ({@code 0 … distinct-1}, in order of first appearance) for the policies that want them.
 *
 * @param name the short name used in the report ({@code loop}, {@code web07}, ...)
 * @param file where it was read from
 * @param format the record format, as detected
 * @param compression the compression, as detected
 * @param keys the keys, one per access
 * @param ids {@code ids[i]} is the dense id of {@code keys[i]}
 * @param distinctKeys {@code distinctKeys[id]} is the key of that id
 */
public record Trace(
    String name, Path file, String format, String compression, long[] keys, int[] ids, long[] distinctKeys) {

  /** The number of accesses. */
  public int accesses() {
    return keys.length;
  }

  /** The number of distinct keys. */
  public int distinct() {
    return distinctKeys.length;
  }
}
