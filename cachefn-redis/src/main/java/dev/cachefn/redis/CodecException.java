package dev.cachefn.redis;

/**
 * Bytes stored in Redis could not be turned back into a value; the message names the key and the codec. The
 * storage logs it (once per cache) and reads the value as a miss; it is not thrown to callers.
 */
public final class CodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message and the codec's own failure. */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
