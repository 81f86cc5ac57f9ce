/**
 * A {@link dev.cachefn.spi.Storage} on Redis: {@link dev.cachefn.redis.RedisStorage}, with values turned into
 * bytes by a {@link dev.cachefn.redis.Codec} ({@link dev.cachefn.redis.JsonCodec} by default).
 */
@NullMarked
package dev.cachefn.redis;

import org.jspecify.annotations.NullMarked;
