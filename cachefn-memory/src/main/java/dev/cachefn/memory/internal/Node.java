package dev.cachefn.memory.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * One entry. Key, expiry, tags and estimated size never change: a write that changes any of them replaces
 * the node, so a reader always sees a consistent entry without locking. Only the value may be swapped in
 * place, by a write that changes nothing else ({@link MemoryEngine}'s lock-free update). The links and the
 * heap index belong to the engine and are only touched under its lock.
 */
final class Node<V> {

  static final long NEVER = Long.MAX_VALUE;
  static final String[] NO_TAGS = new String[0];

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(Node.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final String key;
  /** Read with acquire semantics; swapped in place only by {@link #setValue}. */
  volatile V value;
  /** Ticker time at which the entry expires, or {@link #NEVER}. */
  final long expiresAt;
  final String[] tags;
  final long weight;

  // guarded by the engine's lock
  @Nullable Node<V> previous;
  @Nullable Node<V> next;
  int heapIndex = -1;
  /** Which segment of the eviction order holds the node (used by {@link AdaptiveAdmissionOrder}). */
  byte segment;
  /** Set once the node left the table; buffered reads of it are then ignored. */
  boolean retired;

  Node(String key, V value, long expiresAt, String[] tags, long weight) {
    this.key = key;
    this.value = value;
    this.expiresAt = expiresAt;
    this.tags = tags;
    this.weight = weight;
  }

  /** Swaps the value (release store: no fence needed, the node's other fields are final). */
  void setValue(V newValue) {
    VALUE.setRelease(this, newValue);
  }

  boolean expires() {
    return expiresAt != NEVER;
  }

  boolean isExpiredAt(long now) {
    return expiresAt != NEVER && now - expiresAt >= 0;
  }
}
