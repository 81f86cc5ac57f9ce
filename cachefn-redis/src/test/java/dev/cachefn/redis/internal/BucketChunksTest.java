package dev.cachefn.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachefn.redis.internal.BucketChunks.Chunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a batch is split into scripts: by bucket, at most {@value BucketChunks#CHUNK} items each, nothing lost. */
class BucketChunksTest {

  private static final byte[] HEADER = {'h'};

  @Test
  void oneServerSplitsOnlyByChunkSizeAndKeepsTheOrder() {
    KeyLayout layout = new KeyLayout("ns", null, false);
    List<String> keys = IntStream.range(0, BucketChunks.CHUNK * 2 + 1).mapToObj(i -> "k" + i).toList();

    List<Chunk> chunks = chunks(layout, keys);

    assertThat(chunks).extracting(chunk -> chunk.args().length - 1)
        .containsExactly(BucketChunks.CHUNK, BucketChunks.CHUNK, 1);
    assertThat(chunks.stream().flatMap(chunk -> items(chunk).stream())).containsExactlyElementsOf(keys);
  }

  @Test
  void onAClusterEachChunkHoldsTheKeysOfOneBucketOnly() {
    KeyLayout layout = new KeyLayout("ns", null, true);
    List<String> keys = IntStream.range(0, 20_000).mapToObj(i -> "key-" + i).toList();

    List<Chunk> chunks = chunks(layout, keys);

    List<String> seen = new ArrayList<>();
    for (Chunk chunk : chunks) {
      assertThat(chunk.args()[0]).isEqualTo(HEADER);
      assertThat(chunk.args().length - 1).isBetween(1, BucketChunks.CHUNK);
      assertThat(items(chunk)).allSatisfy(key -> assertThat(layout.bucketOf(key)).isEqualTo(chunk.bucket()));
      seen.addAll(items(chunk));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(chunks.stream().map(Chunk::bucket).distinct()).hasSize(layout.buckets());
  }

  @Test
  void noItemsNoChunks() {
    assertThat(chunks(new KeyLayout("ns", null, true), List.of())).isEmpty();
  }

  private static List<Chunk> chunks(KeyLayout layout, List<String> keys) {
    return BucketChunks.of(layout, keys, key -> key, bucket -> new ArrayList<>(List.of(HEADER)),
        (args, key) -> args.add(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> items(Chunk chunk) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i < chunk.args().length; i++) {
      items.add(new String(chunk.args()[i], StandardCharsets.UTF_8));
    }
    return items;
  }
}
