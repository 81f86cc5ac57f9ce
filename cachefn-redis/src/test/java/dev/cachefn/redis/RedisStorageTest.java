package dev.cachefn.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachefn.Cache;
import dev.cachefn.CacheFn;
import dev.cachefn.SetOptions;
import dev.cachefn.testkit.Await;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What only the Redis storage does: its key layout, tag index hygiene, codecs, configuration and start-up. */
class RedisStorageTest {

  private final String namespace = "redis-" + UUID.randomUUID().toString().substring(0, 8);
  private final String prefix = "cachefn:{" + namespace.length() + ":" + namespace + "}:";
  private final RedisCommands<String, String> raw = SharedRedis.raw();
  private final Cache<String> cache =
      CacheFn.builder("redis").namespace(namespace).storage(SharedRedis.storage()).build();

  @Test
  void anEntryAndItsTagsLiveUnderTheNamespacePrefixWithTheEntrysTtl() {
    cache.set("k", "v", SetOptions.ttl(Duration.ofMinutes(1)).withTags("t"));

    assertThat(raw.get(prefix + "k:k")).isEqualTo("{\"@type\":\"java.lang.String\",\"value\":\"v\"}");
    assertThat(raw.pttl(prefix + "k:k")).isBetween(1L, 60_000L);
    assertThat(raw.smembers(prefix + "m:k")).containsExactly("t");
    assertThat(raw.smembers(prefix + "t:t")).containsExactly("k");
    assertThat(raw.pttl(prefix + "t:t")).isBetween(1L, 60_000L);
  }

  @Test
  void aTagSetLivesAsLongAsItsLongestLivedMember() {
    cache.set("a", "1", SetOptions.ttl(Duration.ofSeconds(30)).withTags("t"));
    cache.set("b", "2", SetOptions.ttl(Duration.ofMinutes(10)).withTags("t"));
    assertThat(raw.pttl(prefix + "t:t")).isGreaterThan(60_000L);

    cache.set("c", "3", SetOptions.tags("t"));
    assertThat(raw.pttl(prefix + "t:t")).isEqualTo(-1L);

    cache.set("d", "4", SetOptions.ttl(Duration.ofSeconds(1)).withTags("t"));
    assertThat(raw.pttl(prefix + "t:t")).isEqualTo(-1L);
  }

  @Test
  void deletingOrOverwritingAnEntryTakesItOutOfItsTagSets() {
    cache.set("a", "1", SetOptions.tags("t", "u"));
    cache.set("b", "2", SetOptions.tags("t"));

    cache.delete("a");
    cache.set("b", "again");

    assertThat(raw.exists(prefix + "t:t", prefix + "t:u", prefix + "m:a", prefix + "m:b")).isZero();
  }

  @Test
  void expiredEntriesLeaveTheTagIndex() {
    cache.set("gone", "1", SetOptions.ttl(Duration.ofMillis(100)).withTags("t"));
    Await.until("the tag set expires with its only member", Duration.ofSeconds(5),
        () -> raw.exists(prefix + "t:t", prefix + "m:gone", prefix + "k:gone") == 0);

    for (int i = 0; i < 3; i++) {
      cache.set("short" + i, "1", SetOptions.ttl(Duration.ofMillis(100)).withTags("p"));
    }
    cache.set("forever", "2", SetOptions.tags("p"));
    Await.until("the short entries expire", Duration.ofSeconds(5), () -> cache.keys("short*").isEmpty());
    cache.set("another", "3", SetOptions.tags("p")); // a write to the tag cleans members whose entries are gone

    assertThat(raw.smembers(prefix + "t:p")).containsExactlyInAnyOrder("forever", "another");
  }

  @Test
  void clearRemovesEveryKeyOfTheNamespaceAndNoOther() {
    Cache<String> neighbour = CacheFn.builder("n").namespace(namespace + "x").storage(SharedRedis.storage()).build();
    neighbour.set("k", "v", SetOptions.tags("t"));
    cache.set("k", "v", SetOptions.tags("t"));

    cache.clear();

    assertThat(raw.keys(prefix.replace("{", "\\{").replace("}", "\\}") + "*")).isEmpty();
    assertThat(neighbour.get("k")).isEqualTo("v");
  }

  @Test
  void aValueTheCodecCannotEncodeIsRejectedNamingTheKeyAndNothingIsWritten() {
    Cache<Object> objects = CacheFn.builder("o").namespace(namespace).storage(SharedRedis.storage()).build();

    assertThatThrownBy(() -> objects.set("bad", new Object(), SetOptions.tags("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key 'bad'")
        .hasMessageContaining("cannot be encoded by JsonCodec");
    assertThat(raw.exists(prefix + "k:bad", prefix + "t:t")).isZero();
  }

  @Test
  void bytesTheCodecCannotDecodeAreAMissThatIsRemovedCountedAndFetchedAgain() {
    raw.set(prefix + "k:foreign", "not json");
    raw.sadd(prefix + "m:foreign", "t");
    raw.sadd(prefix + "t:t", "foreign");

    assertThat(cache.get("foreign")).isNull();
    assertThat(raw.exists(prefix + "k:foreign", prefix + "m:foreign")).as("removed with its tags").isZero();
    assertThat(raw.smembers(prefix + "t:t")).isEmpty();
    assertThat(cache.stats().decodeFailures()).isEqualTo(1);

    raw.set(prefix + "k:foreign", "still not json");
    assertThat(cache.getOrFetch("foreign", () -> "fresh")).isEqualTo("fresh");
    assertThat(cache.get("foreign")).isEqualTo("fresh");

    raw.set(prefix + "k:other", "[1, 2");
    cache.set("fine", "ok");
    assertThat(cache.getMany(java.util.List.of("other", "fine"))).containsExactly(java.util.Map.entry("fine", "ok"));
    assertThat(cache.stats().decodeFailures()).isEqualTo(3);
  }

  @Test
  void anUndecodableValueIsANearMissTooAndIsNotKeptNear() {
    TieredStorage tiered = SharedRedis.tiered();
    Cache<String> near = CacheFn.builder("t").namespace(namespace).storage(tiered).build();
    raw.set(prefix + "k:foreign", "not json");

    assertThat(near.getOrFetch("foreign", () -> "fresh")).isEqualTo("fresh");
    assertThat(near.stats().decodeFailures()).isEqualTo(1);
    assertThat(near.get("foreign")).isEqualTo("fresh");
    assertThat(tiered.nearCacheHolds(namespace, "foreign")).isTrue();
  }

  @Test
  void anUndecodableValueIsLoggedOncePerCache() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.cachefn.redis");
    java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        if (record.getMessage().contains("namespace '" + namespace + "'")) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(handler);
    try {
      for (int i = 0; i < 3; i++) {
        raw.set(prefix + "k:bad" + i, "not json");
        assertThat(cache.get("bad" + i)).isNull();
      }
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getMessage()).contains("key 'bad0'", "cannot be decoded by JsonCodec",
        "cachefn.redis.format-version");
    assertThat(cache.stats().decodeFailures()).isEqualTo(3);
  }

  @Test
  void aValueWrittenWhileTheUndecodableOneWasReadIsKept() {
    Codec overwrittenWhileDecoding = new Codec() {
      @Override
      public byte[] encode(Object value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public Object decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.equals("old")) {
          raw.set(prefix + "k:k", "new"); // another instance writes between our read and the removal
          throw new IllegalStateException("unknown format");
        }
        return text;
      }
    };
    try (RedisStorage storage = RedisStorage.builder(SharedRedis.server().uri()).codec(overwrittenWhileDecoding)
        .build()) {
      Cache<String> reader = CacheFn.builder("r").namespace(namespace).storage(storage).build();
      raw.set(prefix + "k:k", "old");

      assertThat(reader.get("k")).isNull();
      assertThat(raw.get(prefix + "k:k")).isEqualTo("new");
      assertThat(reader.get("k")).isEqualTo("new");
    }
  }

  @Test
  void twoFormatVersionsNeverReadEachOthersEntries() {
    try (RedisStorage v1 = RedisStorage.builder(SharedRedis.server().uri()).formatVersion("v1").build();
        RedisStorage v2 = RedisStorage.builder(SharedRedis.server().uri()).formatVersion("2.0-b").build()) {
      Cache<String> old = CacheFn.builder("o").namespace(namespace).storage(v1).build();
      Cache<String> next = CacheFn.builder("n").namespace(namespace).storage(v2).build();

      old.set("k", "from v1", SetOptions.tags("t"));
      next.set("k", "from v2", SetOptions.tags("t"));
      cache.set("k", "unversioned");

      assertThat(old.get("k")).isEqualTo("from v1");
      assertThat(next.get("k")).isEqualTo("from v2");
      assertThat(raw.get("cachefn:2.0-b:{" + namespace.length() + ":" + namespace + "}:k:k")).contains("from v2");
      assertThat(next.invalidateByTag("t")).isEqualTo(1);
      next.clear();
      assertThat(old.get("k")).isEqualTo("from v1");
      assertThat(cache.get("k")).isEqualTo("unversioned");
    }
    assertThatThrownBy(() -> RedisStorage.builder(SharedRedis.server().uri()).formatVersion("v:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits, '.', '_' or '-', got 'v:1'");
  }

  @Test
  void aCodecOfYourOwnIsUsedForEveryValue() {
    Codec upperCase = new Codec() {
      @Override
      public byte[] encode(Object value) {
        return value.toString().toUpperCase().getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public Object decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    };
    try (RedisStorage storage = RedisStorage.builder(SharedRedis.server().uri()).codec(upperCase).build()) {
      Cache<String> shouting = CacheFn.builder("s").namespace(namespace).storage(storage).build();

      shouting.set("k", "quiet");

      assertThat(raw.get(prefix + "k:k")).isEqualTo("QUIET");
      assertThat(shouting.get("k")).isEqualTo("QUIET");
    }
  }

  @Test
  void jsonCodecRefusesClassesItIsNotAllowedToCreate() {
    JsonCodec onlyStrings = JsonCodec.create(new com.fasterxml.jackson.databind.ObjectMapper(),
        name -> name.equals("java.lang.String"));
    byte[] user = JsonCodec.create().encode(new dev.cachefn.testkit.StorageContract.User("Ada", 36, java.util.List.of()));

    assertThat(onlyStrings.decode(onlyStrings.encode("fine"))).isEqualTo("fine");
    assertThatThrownBy(() -> onlyStrings.decode(user))
        .hasMessageContaining("is not allowed by this JsonCodec");
  }

  @Test
  void anUnreachableUriFailsAtStartNamingItAndTheSetting() {
    assertThatThrownBy(() -> RedisStorage.builder("redis://127.0.0.1:1").commandTimeout(Duration.ofMillis(500))
        .build())
        .isInstanceOf(RedisStorageException.class)
        .hasMessageContaining("cannot connect to Redis at redis://127.0.0.1:1")
        .hasMessageContaining("cachefn.redis.uri");
    assertThatThrownBy(() -> RedisStorage.create("http://nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uri must be a Redis URI");
  }

  @Test
  void theProviderNamedRedisIsFoundAndConfiguredBySystemProperty() {
    assertThat(ServiceLoader.load(dev.cachefn.spi.StorageProvider.class).stream()
        .map(provider -> provider.get().name())).contains("redis");

    String before = System.getProperty("cachefn.redis.uri");
    System.clearProperty("cachefn.redis.uri");
    try {
      if (System.getenv("CACHEFN_REDIS_URI") == null) {
        assertThatThrownBy(() -> CacheFn.builder("p").storage("redis").build())
            .hasMessageContaining("cachefn.redis.uri")
            .hasMessageContaining("CACHEFN_REDIS_URI");
      }
      System.setProperty("cachefn.redis.uri", SharedRedis.server().uri());
      Cache<String> configured = CacheFn.builder("p").namespace(namespace).storage("redis").build();
      configured.set("k", "by provider");
      assertThat(cache.get("k")).isEqualTo("by provider");
      configured.close(); // closes the storage the provider made for it: its own connection
    } finally {
      if (before == null) {
        System.clearProperty("cachefn.redis.uri");
      } else {
        System.setProperty("cachefn.redis.uri", before);
      }
    }
  }
}
