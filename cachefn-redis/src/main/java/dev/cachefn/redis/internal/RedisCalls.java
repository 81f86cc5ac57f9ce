package dev.cachefn.redis.internal;

import dev.cachefn.redis.FailurePolicy;
import dev.cachefn.redis.RedisStorageException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
