package dev.cachefn.jcache.internal;

import javax.cache.event.EventType;

/**
 * A change decided during an operation, announced to the listeners once the operation has taken effect.
 * For {@code REMOVED} and {@code EXPIRED}, {@code value} and {@code oldValue} are both the value that left.
 */
record PendingEvent<K, V>(EventType type, K key, V value, V oldValue) {}
