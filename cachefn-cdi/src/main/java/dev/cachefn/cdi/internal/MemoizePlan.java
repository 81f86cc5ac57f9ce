package dev.cachefn.cdi.internal;

import dev.cachefn.Freshness;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.spi.AsyncResultType;
import dev.cachefn.spi.SettingDurations;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Memoize} on one method means, worked out once from the annotation: the cache name, the key
 * scheme, the TTL, the fetch timeout, the tag templates and how the return type is cached. {@link #of} is also the start-up check.
 */
final class MemoizePlan {

  final Method method;
  final String cacheName;
  final KeyScheme keys;
  /**
   * Who caches a result that arrives later ({@code CompletionStage}, Mutiny {@code Uni}, Kotlin {@code suspend}),
   * or {@code null} for a result that is there on return.
   */
  final @Nullable AsyncResultType async;
  /** Whether the method returns an {@code Optional}, whose content is cached; an empty one is not. */
  final boolean optional;
  private final List<CallTemplate> tags;
  /** The options without tags: the TTL and the fetch timeout, if any. */
  private final SetOptions baseOptions;
  /** The options of every call when no tag reads a parameter, else {@code null}. */
  private final @Nullable SetOptions fixedOptions;

  private MemoizePlan(Method method, String cacheName, KeyScheme keys, @Nullable AsyncResultType async,
      SetOptions baseOptions, List<CallTemplate> tags) {
    this.method = method;
    this.cacheName = cacheName;
    this.keys = keys;
    this.async = async;
    this.optional = method.getReturnType() == Optional.class;
    this.tags = tags;
    this.baseOptions = baseOptions;
    // SetOptions.none() itself when the annotation sets nothing, which the cache recognises by identity
    this.fixedOptions = tags.isEmpty() ? baseOptions
        : tags.stream().allMatch(CallTemplate::isLiteral) ? options(tags, new Object[0]) : null;
  }

  /**
   * Reads {@code method}'s {@link Memoize}.
   *
   * @throws IllegalArgumentException with a message that names the method and the problem
   */
  static MemoizePlan of(Method method) {
    return of(method, null);
  }

  /**
   * Reads {@code method}'s {@link Memoize}, with {@code configuredTtl} (from
   * {@code cachefn.memoize.<class>.<method>.ttl}) in place of the annotation's TTL when not {@code null}.
   *
   * @throws IllegalArgumentException with a message that names the method and the problem
   */
  static MemoizePlan of(Method method, @Nullable Duration configuredTtl) {
    Memoize memoize = method.getAnnotation(Memoize.class);
    if (memoize == null) {
      throw new IllegalArgumentException(prefix(method) + "the method is not annotated with @Memoize"
          + " (@Memoize on a class is not supported: put it on each method to cache)");
    }
    try {
      MethodNames.requireInterceptable(method);
      SuspendingMethods.requireMemoizable(method);
      AsyncResultType async = resultType(method);
      String cacheName = memoize.cache().isBlank()
          ? method.getDeclaringClass().getName() + "." + method.getName()
          : memoize.cache().trim();
      Duration annotated = memoize.ttl().isBlank() ? null : SettingDurations.parse(memoize.ttl(), "ttl");
      Duration ttl = configuredTtl != null ? configuredTtl : annotated;
      SetOptions baseOptions = ttl != null ? SetOptions.ttl(ttl) : SetOptions.none();
      if (!memoize.fetchTimeout().isBlank()) {
        baseOptions = baseOptions.withFetchTimeout(SettingDurations.parse(memoize.fetchTimeout(), "fetchTimeout"));
      }
      Freshness freshness = freshness(memoize);
      if (!freshness.isNone()) {
        baseOptions = baseOptions.withFreshness(freshness);
      }
      List<CallTemplate> tags = new ArrayList<>();
      for (String tag : memoize.tags()) {
        tags.add(CallTemplate.parse(tag, method));
      }
      KeyScheme keys = KeyScheme.of(method, memoize.keyGenerator());
      return new MemoizePlan(method, cacheName, keys, async, baseOptions, List.copyOf(tags));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix(method) + e.getMessage(), e);
    }
  }

  /**
   * How configuration names {@code method}: {@code <class>.<method>}, the class being the one that declares it
   * (overloads share the name).
   */
  static String configName(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }

  private static Freshness freshness(Memoize memoize) {
    Freshness freshness = Freshness.none();
    if (!memoize.refreshAfter().isBlank()) {
      freshness = freshness.withRefreshAfter(SettingDurations.parse(memoize.refreshAfter(), "refreshAfter"));
    }
    if (!memoize.staleWhileRevalidate().isBlank()) {
      freshness = freshness.withStaleWhileRevalidate(
          SettingDurations.parse(memoize.staleWhileRevalidate(), "staleWhileRevalidate"));
    }
    if (!memoize.staleIfError().isBlank()) {
      freshness = freshness.withStaleIfError(SettingDurations.parse(memoize.staleIfError(), "staleIfError"));
    }
    if (!memoize.negativeTtl().isBlank()) {
      freshness = freshness.withNegativeTtl(SettingDurations.parse(memoize.negativeTtl(), "negativeTtl"));
    }
    return freshness;
  }

  /** Whether the method's annotation has freshness settings, which its cache needs write times for. */
  boolean needsWriteTimes() {
    return !baseOptions.freshness().isNone();
  }

  private static String prefix(Method method) {
    return "@Memoize on " + MethodNames.describe(method) + ": ";
  }

  private static @Nullable AsyncResultType resultType(Method method) {
    Class<?> type = method.getReturnType();
    if (type == void.class || type == Void.class) {
      throw new IllegalArgumentException("the method returns " + type.getSimpleName() + "; there is no result to cache");
    }
    AsyncResultType async = AsyncResultTypes.of(method);
    if (async == null && CompletionStage.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("the method returns " + type.getName()
          + "; an asynchronous method must return CompletionStage or CompletableFuture");
    }
    return async;
  }

  /**
   * The write options of one call: the TTL and the tags. Tags that read the call's arguments are rendered only
   * when the cache is about to store a result (a miss, before the method runs, or a refresh), never on a hit.
   */
  SetOptions options(@Nullable Object[] arguments) {
    SetOptions fixed = fixedOptions;
    return fixed != null ? fixed : baseOptions.withTagsWhenStored(() -> render(tags, arguments));
  }

  private SetOptions options(List<CallTemplate> templates, @Nullable Object[] arguments) {
    return baseOptions.withTags(render(templates, arguments)); // drops repeated tags, keeps the order
  }

  private static List<String> render(List<CallTemplate> templates, @Nullable Object[] arguments) {
    String[] rendered = new String[templates.size()];
    for (int i = 0; i < rendered.length; i++) {
      rendered[i] = templates.get(i).render(arguments, false);
    }
    return Arrays.asList(rendered);
  }
}
