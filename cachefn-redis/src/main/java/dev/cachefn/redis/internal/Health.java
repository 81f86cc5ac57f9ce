package dev.cachefn.redis.internal;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether Redis answers: counts the operations that failed because it did not, and logs an outage once when
 * it starts and once when Redis answers again, never per call. Thread-safe; the answered path reads one
 * volatile field.
 */
final class Health {

  private static final System.Logger LOG = System.getLogger("dev.cachefn.redis");

  private final String uri;
  private final String policyNote;
  private final LongAdder failures = new LongAdder();
  private final LongAdder failuresInOutage = new LongAdder();
  private final AtomicBoolean down = new AtomicBoolean();

  Health(String uri, String policyNote) {
    this.uri = uri;
    this.policyNote = policyNote;
  }

  /**
   * Whether {@code failure} means Redis could not be reached or could not serve (disconnected, timed out,
   * loading, busy), as opposed to an error in the request.
   */
  static boolean isOutage(Throwable failure) {
    if (failure instanceof RedisLoadingException || failure instanceof RedisBusyException) {
      return true;
    }
    if (failure instanceof RedisCommandExecutionException) {
      return false;
    }
    return failure instanceof RedisException || failure instanceof IOException
        || failure instanceof TimeoutException || failure instanceof InterruptedException;
  }

  void answered() {
    if (down.get() && down.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "Redis at {0} answers again; {1} operation(s) failed while it did not",
          uri, failuresInOutage.sumThenReset());
    }
  }

  void failed(String operation, Throwable cause) {
    failures.increment();
    failuresInOutage.increment();
    if (!down.get() && down.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "Redis at " + uri + " does not answer (" + operation + ": " + cause + "); "
          + policyNote + ". Logged once until Redis answers again.", cause);
    }
  }

  long failures() {
    return failures.sum();
  }
}
