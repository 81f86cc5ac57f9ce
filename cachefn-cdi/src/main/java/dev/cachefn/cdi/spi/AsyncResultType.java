package dev.cachefn.cdi.spi;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * A kind of method whose result arrives later, taught to the cache annotations: {@code CompletionStage} and
 * {@code CompletableFuture} are built in, a Mutiny {@code Uni} and a Kotlin {@code suspend} fun are providers.
 * The interceptors find providers with {@link java.util.ServiceLoader} (a {@code META-INF/services} file named
 * after this interface; on Quarkus the extension registers them at build time), ask each whether it
 * {@link #handles} an annotated method once, at start-up, and then hand it every call of that method.
 *
 * <p>A type that can say what a result is as a {@code CompletionStage} and build a result from one extends
 * {@link StageResultType}, which implements both calls from that.
 */
public interface AsyncResultType {

  /** Whether this type runs {@code method}'s calls; the first provider that says so does. */
  boolean handles(Method method);

  /**
   * Cache-aside for one call of a memoized method, answered as the method answers: the value cached under
   * {@code key}, else the call's result, stored with {@code options} once it completes. Concurrent calls of one
   * key share one call (single flight); a failure or a {@code null} result is passed on and not stored.
   */
  @Nullable Object getOrFetch(Cache<Object> cache, String key, SetOptions options, InterceptedCall call);

  /**
   * The call's result, with {@code action} run once the result completed normally (an invalidation after the
   * method); a failure skips the action.
   *
   * @throws Exception what the method throws before its result exists
   */
  @Nullable Object afterCompletion(InterceptedCall call, Runnable action) throws Exception;
}
