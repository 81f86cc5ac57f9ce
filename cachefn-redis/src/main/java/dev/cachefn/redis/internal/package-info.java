/** The Redis storage's engine: key layout, Lua scripts, pattern translation, failure tracking. Not an API. */
@NullMarked
package dev.cachefn.redis.internal;

import org.jspecify.annotations.NullMarked;
