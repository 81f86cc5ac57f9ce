package dev.cachefn.spi;

/**
 * Optional capability of a {@link Keyspace} whose storage can fail to answer or to read a value back (a
 * remote storage, or one that keeps values as bytes): the counts that {@code Cache.stats()} reports as
 * {@code storageFailures} and {@code decodeFailures}. A keyspace that does not implement this reports 0 for
 * both. The cache checks for this interface once, when it opens the keyspace.
 *
 * <p>Both methods are thread-safe and cheap (a counter read, no call to the storage).
 */
public interface FailureCounts {

  /**
   * Operations that failed because the storage could not be reached (thrown to the caller, or answered by a
   * fallback), counted since the storage started. The count may be shared by every keyspace of the storage.
   */
  long failures();

  /**
   * Values of this keyspace that were found in the storage but could not be turned back into objects (bytes
   * written by an incompatible version of the application, or by another program), counted since it opened.
   * Such a value is removed and read as a miss, so that the cache fetches a fresh one.
   */
  long decodeFailures();
}
