package dev.cachefn.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Entries with tags, found and removed in bulk: by keys, by tag, by a glob over the key's text, or all of them;
 * listed by pattern; counted and weighed. What a storage's {@link Keyspace} and cachefn-memory's
 * {@code EntryStore} (the engine for keys of any type) have in common; each says what its keys are and what
 * its {@link #clear()} tells. Where entries expire, an expired one is never listed, nor counted as removed.
 *
 * @param <V> the type of the values
 */
public interface TaggedEntries<V> {

  /** Removes the entries under {@code keys}; returns the keys that had a live entry. */
  List<String> removeAll(Collection<String> keys);

  /** Removes every entry carrying at least one of {@code tags}; returns the count. O(entries tagged). */
  int removeByTags(Collection<String> tags);

  /** Removes every entry whose key's text matches {@code pattern}; returns the count. */
  int removeByPattern(GlobPattern pattern);

  /** Removes every entry; returns the count. */
  int clear();

  /** The text of the live entries' keys that match {@code pattern}. */
  List<String> keys(GlobPattern pattern);

  /** Up to {@code limit} live entries whose key's text matches {@code pattern}; not a use of the entries. */
  Map<String, V> entries(GlobPattern pattern, int limit);

  /** The number of entries held; may count expired entries not yet removed. */
  long size();

  /** An estimate of the bytes the entries take; see the storage's documentation for how it is made. */
  long estimatedBytes();
}
