package dev.cachefn.redis.internal;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorageException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * How one namespace's operations reach Redis: sends commands on the shared {@link RedisConnection}, awaits the
 * answers within a bound, turns failures into a {@link RedisStorageException} that names the operation, the
 * subject and the namespace, tells {@link Health} of outages, and applies {@link FailurePolicy#BYPASS}.
 * Thread-safe: it holds no state of its own. Not an API.
 */
final class RedisCalls {

  /** The first pause before a command refused with {@code TRYAGAIN} is sent again. */
  static final long FIRST_PAUSE_MILLIS = 2;
  /** The longest pause between two sends of a command refused with {@code TRYAGAIN}. */
  static final long MAX_PAUSE_MILLIS = 100;

  private final String namespace;
  private final RedisConnection connection;

  RedisCalls(String namespace, RedisConnection connection) {
    this.namespace = namespace;
    this.connection = connection;
  }

  /**
   * Sends {@code command} and awaits Redis' answer: at most twice the connection's timeout plus a second (Lettuce
   * times a command out after one timeout; the rest only guards against a stage that never completes).
   *
   * @throws RedisStorageException naming {@code operation} and {@code subject} (such as "key 'a'")
   */
  <T> T call(String operation, String subject, Supplier<? extends CompletionStage<T>> command) {
    Throwable failure;
    try {
      T answer = command.get().toCompletableFuture()
          .get(connection.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
      connection.health().answered();
      return answer;
    } catch (ExecutionException e) {
      failure = e.getCause() != null ? e.getCause() : e;
    } catch (TimeoutException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } catch (RuntimeException e) {
      failure = e;
    }
    if (Health.isOutage(failure)) {
      connection.health().failed(operation, failure);
    }
    throw new RedisStorageException(operation, connection.uri(), "Redis " + operation + " of " + subject
        + " in namespace '" + namespace + "' failed at " + connection.uri() + ": "
        + RedisConnection.rootMessage(failure), failure);
  }

  /** Runs a read or a write; under {@link FailurePolicy#BYPASS}, answers {@code bypassed} when Redis is out. */
  <T> T orBypass(Supplier<T> operation, T bypassed) {
    if (connection.policy() != FailurePolicy.BYPASS) {
      return operation.get();
    }
    try {
      return operation.get();
    } catch (RedisStorageException e) {
      if (e.getCause() != null && Health.isOutage(e.getCause())) {
        return bypassed;
      }
      throw e;
    }
  }

  /**
   * Sends {@code command}, and sends it again while Redis answers {@code TRYAGAIN}: a cluster node refuses a
   * command with several keys of a slot that is half migrated to another node, and runs nothing of it; once the
   * migration of the slot ends (a resharding moves a slot in milliseconds to seconds), it is served. The pauses
   * between sends double from {@value #FIRST_PAUSE_MILLIS} ms up to {@value #MAX_PAUSE_MILLIS} ms, so that a
   * short migration costs little delay and a long one few commands; none is sent later than the command
   * timeout after the first, so the last answer (or Lettuce's timeout of it) comes before {@link #call} stops
   * waiting, and a write the caller was told failed is never sent after that.
   */
  <T> CompletionStage<T> resending(Supplier<? extends CompletionStage<T>> command) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    send(command, System.nanoTime() + connection.timeout().toNanos(), FIRST_PAUSE_MILLIS, answer);
    return answer;
  }

  private <T> void send(Supplier<? extends CompletionStage<T>> command, long lastSendNanos, long pauseMillis,
      CompletableFuture<T> answer) {
    CompletionStage<T> sent;
    try {
      sent = command.get();
    } catch (RuntimeException e) {
      answer.completeExceptionally(e);
      return;
    }
    sent.whenComplete((result, error) -> {
      if (error == null) {
        answer.complete(result);
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (isTryAgain(cause) && System.nanoTime() + pauseMillis * 1_000_000 - lastSendNanos < 0) {
        CompletableFuture.delayedExecutor(pauseMillis, TimeUnit.MILLISECONDS).execute(
            () -> send(command, lastSendNanos, Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS), answer));
      } else {
        answer.completeExceptionally(cause);
      }
    });
  }

  private static boolean isTryAgain(Throwable failure) {
    return failure instanceof RedisCommandExecutionException && failure.getMessage() != null
        && failure.getMessage().startsWith("TRYAGAIN");
  }

  /** The connection's commands, connecting first when it is lazy; routed by slot on a cluster. */
  RedisClusterAsyncCommands<String, byte[]> redis() {
    return connection.commands();
  }

  /** One stage that completes with the answers of {@code stages}, in order, once all have completed. */
  static <T> CompletionStage<List<T>> all(List<? extends CompletionStage<T>> stages) {
    CompletableFuture<?>[] futures = stages.stream().map(CompletionStage::toCompletableFuture)
        .toArray(CompletableFuture<?>[]::new);
    return CompletableFuture.allOf(futures).thenApply(done -> stages.stream()
        .map(stage -> stage.toCompletableFuture().join()).toList());
  }

  /** How many operations failed because Redis did not answer, on the shared connection. */
  long failures() {
    return connection.failures();
  }

  String uri() {
    return connection.uri();
  }

  static String keyed(String key) {
    return "key '" + key + "'";
  }
}
