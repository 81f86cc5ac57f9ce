package dev.cachefn.memory.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * One entry. Key, expiry, tags and estimated size never change: a write that changes any of them replaces
 * the node, so a reader always sees a consistent entry without locking. Only the value may be swapped in
 * place, by a write that changes nothing else ({@link MemoryEngine}'s lock-free update). The links and the
 * state bits belong to the engine and are only written under its lock.
 *
 * <p>A plain node holds only what every entry needs (32 bytes with compressed references): an entry with a
 * TTL is an {@link ExpiringNode}, one with tags a {@link TaggedNode} or {@link ExpiringNode.Tagged}, so that
 * no entry pays for a feature it does not use. {@link #create} picks the class. The read path tells them
 * apart with {@code instanceof} on this small, fixed hierarchy (no virtual call): see {@link #isExpiredAt}.
 *
 * <p>The state is one {@code int}: whether the node was retired, its segment in the eviction order and
 * its estimated weight in 8-byte units (saturating at {@link #MAX_WEIGHT}). The weight bits are set by the
 * constructor and never change, so they may be read without the lock; the other bits only under it.
 */
class Node<V> {

  static final long NEVER = Long.MAX_VALUE;
  static final String[] NO_TAGS = new String[0];

  private static final int RETIRED = 1;
  private static final int SEGMENT_SHIFT = 1;
  private static final int SEGMENT_MASK = 0b11 << SEGMENT_SHIFT;
  private static final int WEIGHT_SHIFT = 3;
  private static final long MAX_WEIGHT_UNITS = (1L << (Integer.SIZE - WEIGHT_SHIFT)) - 1;
  /** The largest weight a node records (4 GiB less 8 bytes); bigger estimates count as this. */
  static final long MAX_WEIGHT = MAX_WEIGHT_UNITS * 8;

  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(Node.class, "value", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Compared with {@code equals}/{@code hashCode}: a {@code String} for a storage, any object for an {@link EngineEntryStore}. */
  final Object key;
  /** Read with acquire semantics; swapped in place only by {@link #setValue}. */
  volatile V value;

  // guarded by the engine's lock
  @Nullable Node<V> previous;
  @Nullable Node<V> next;
  /** Retired bit, segment and weight; see the class comment. */
  private int state;

  Node(Object key, V value, long weight) {
    this.key = key;
    this.value = value;
    this.state = (int) (units(weight) << WEIGHT_SHIFT);
  }

  /** A node of the smallest class that holds {@code expiresAt} ({@link #NEVER}: none) and {@code tags}. */
  static <V> Node<V> create(Object key, V value, long expiresAt, String[] tags, long weight) {
    if (expiresAt == NEVER) {
      return tags.length == 0 ? new Node<>(key, value, weight) : new TaggedNode<>(key, value, tags, weight);
    }
    return tags.length == 0
        ? new ExpiringNode<>(key, value, expiresAt, weight)
        : new ExpiringNode.Tagged<>(key, value, expiresAt, tags, weight);
  }

  /** The weight a node records for an estimate of {@code bytes}: rounded up to 8, at most {@link #MAX_WEIGHT}. */
  static long recordedWeight(long bytes) {
    return units(bytes) * 8;
  }

  private static long units(long bytes) {
    return bytes <= 0 ? 0 : Math.min(MAX_WEIGHT_UNITS, (bytes + 7) >>> 3);
  }

  /** Swaps the value (release store: no fence needed, the node's other fields do not change). */
  final void setValue(V newValue) {
    VALUE.setRelease(this, newValue);
  }

  final boolean expires() {
    return this instanceof ExpiringNode;
  }

  final boolean isExpiredAt(long now) {
    return this instanceof ExpiringNode<?> expiring && now - expiring.expiresAt >= 0;
  }

  final boolean isTagged() {
    return this instanceof TaggedNode || this instanceof ExpiringNode.Tagged;
  }

  /** How many tags the entry has. */
  final int tagCount() {
    Object tags = tagsField();
    return tags == null ? 0 : tags instanceof String ? 1 : ((String[]) tags).length;
  }

  /** The entry's tag at {@code index}, from 0 to {@link #tagCount()} − 1. */
  final String tag(int index) {
    Object tags = tagsField();
    if (tags instanceof String only && index == 0) {
      return only;
    }
    if (tags instanceof String[] array) {
      return array[index];
    }
    throw new IndexOutOfBoundsException(index);
  }

  /**
   * What a tagged class stores for {@code tags} (at least one): the tag itself when there is one, which
   * saves the array (24 bytes), or else the array.
   */
  static Object storedTags(String[] tags) {
    return tags.length == 1 ? tags[0] : tags;
  }

  private @Nullable Object tagsField() {
    if (this instanceof TaggedNode<?> tagged) {
      return tagged.tags;
    }
    return this instanceof ExpiringNode.Tagged<?> tagged ? tagged.tags : null;
  }

  /** The estimated bytes of the entry, as recorded (see {@link #recordedWeight}); readable without the lock. */
  final long weight() {
    return (Integer.toUnsignedLong(state) >>> WEIGHT_SHIFT) * 8;
  }

  /** Whether the node left the table; buffered reads of it are then ignored. Under the lock. */
  final boolean isRetired() {
    return (state & RETIRED) != 0;
  }

  final void retire() {
    state |= RETIRED;
  }

  /**
   * The segment whose nodes' reads an order that {@linkplain EvictionOrder#ignoresQuietReads() ignores quiet
   * reads} has no use for: the engine then does not even buffer them.
   */
  static final byte QUIET = 3;

  /** Which segment of the eviction order holds the node (0 to 3, used by {@link AdaptiveAdmissionOrder}). */
  final byte segment() {
    return (byte) ((state & SEGMENT_MASK) >>> SEGMENT_SHIFT);
  }

  /**
   * Whether the node is in the {@link #QUIET} segment. Read without the lock by readers: a stale answer only
   * buffers a read that was not needed, or misses one, as a read dropped under contention would.
   */
  final boolean isQuiet() {
    return (state & SEGMENT_MASK) == QUIET << SEGMENT_SHIFT;
  }

  final void setSegment(byte segment) {
    state = (state & ~SEGMENT_MASK) | ((segment << SEGMENT_SHIFT) & SEGMENT_MASK);
  }
}
