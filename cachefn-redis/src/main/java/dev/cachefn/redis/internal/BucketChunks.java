package dev.cachefn.redis.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Splits the items of a batch into the arguments of one Lua script per chunk: by bucket (a script changes the
 * keys of one slot only), then into chunks of at most {@value #CHUNK} items, so that no script blocks Redis
 * for long. Not an API.
 */
final class BucketChunks {

  /**
   * Items per script: a batch of thousands costs a handful of scripts, sent together, while one script (a few
   * Redis commands per item) stays short next to the other clients' commands it delays. An order of magnitude,
   * not a measured optimum.
   */
  static final int CHUNK = 500;

  private BucketChunks() {}

  /** The arguments of one script for one bucket. */
  record Chunk(int bucket, byte[][] args) {}

  /**
   * The chunks of {@code items}: each chunk's arguments start with what {@code header} gives for its bucket,
   * then what {@code add} appends per item, in the order of {@code items}.
   */
  static <T> List<Chunk> of(KeyLayout layout, Collection<T> items, Function<T, String> keyOf,
      IntFunction<List<byte[]>> header, BiConsumer<List<byte[]>, T> add) {
    List<Chunk> chunks = new ArrayList<>();
    List<List<byte[]>> open = new ArrayList<>();
    int[] counts = new int[layout.buckets()];
    for (int bucket = 0; bucket < counts.length; bucket++) {
      open.add(null);
    }
    for (T item : items) {
      int bucket = layout.bucketOf(keyOf.apply(item));
      if (open.get(bucket) == null) {
        open.set(bucket, header.apply(bucket));
      }
      add.accept(open.get(bucket), item);
      if (++counts[bucket] == CHUNK) {
        chunks.add(new Chunk(bucket, array(open.get(bucket))));
        open.set(bucket, null);
        counts[bucket] = 0;
      }
    }
    for (int bucket = 0; bucket < counts.length; bucket++) {
      if (open.get(bucket) != null) {
        chunks.add(new Chunk(bucket, array(open.get(bucket))));
      }
    }
    return chunks;
  }

  static byte[][] array(List<byte[]> args) {
    return args.toArray(new byte[0][]);
  }
}
