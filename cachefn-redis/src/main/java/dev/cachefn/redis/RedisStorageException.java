package dev.cachefn.redis;

/**
 * Redis could not do an operation: not reachable, timed out, or it answered with an error. The message names
 * the operation, the key or pattern where there is one, the namespace and the Redis URI (without password);
 * the cause is Lettuce's exception. The entries are as they were or fully written: never an entry without its
 * tags or the reverse.
 */
public final class RedisStorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String uri;

  /** Creates the exception for {@code operation} against the Redis at {@code uri}. */
  public RedisStorageException(String operation, String uri, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.uri = uri;
  }

  /** The cache operation that failed, such as {@code "get"} or {@code "removeByTags"}. */
  public String operation() {
    return operation;
  }

  /** The Redis URI, without password. */
  public String uri() {
    return uri;
  }
}
