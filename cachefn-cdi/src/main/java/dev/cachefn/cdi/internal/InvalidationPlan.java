package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.InvalidateAll;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.InvalidateTags;
import dev.cachefn.spi.GlobPattern;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one invalidation annotation on one method does, worked out once: which cache, what to remove (a
 * key, everything, tags, a pattern) and when. {@link #of} is also the start-up check.
 *
 * @param cacheName the cache to act on; {@code null} for tags in every cache
 * @param before whether to act before the call instead of after a normal return
 * @param keys how to compute the key, for {@code @Invalidate} only
 * @param templates the tags or the pattern, for {@code @InvalidateTags} and {@code @InvalidatePattern}
 */
record InvalidationPlan(Method method, InvalidationPlan.Kind kind, @Nullable String cacheName, boolean before,
    @Nullable KeyScheme keys, List<CallTemplate> templates) {

  /** The four invalidation annotations. */
  enum Kind {
    KEY(Invalidate.class),
    ALL(InvalidateAll.class),
    TAGS(InvalidateTags.class),
    PATTERN(InvalidatePattern.class);

    final Class<? extends Annotation> annotation;

    Kind(Class<? extends Annotation> annotation) {
      this.annotation = annotation;
    }
  }

  /**
   * Reads {@code method}'s annotation of {@code kind}.
   *
   * @throws IllegalArgumentException with a message that names the annotation, the method and the problem
   */
  static InvalidationPlan of(Method method, Kind kind) {
    Annotation annotation = method.getAnnotation(kind.annotation);
    String prefix = "@" + kind.annotation.getSimpleName() + " on " + MethodNames.describe(method) + ": ";
    if (annotation == null) {
      throw new IllegalArgumentException(prefix + "the method is not annotated with it (on a class it is not"
          + " supported: put it on each method)");
    }
    try {
      MethodNames.requireInterceptable(method);
      SuspendingMethods.requireSupport(method);
      return switch (kind) {
        case KEY -> {
          Invalidate invalidate = (Invalidate) annotation;
          yield new InvalidationPlan(method, kind, cacheName(invalidate.cache()), invalidate.before(),
              KeyScheme.of(method, invalidate.keyGenerator()), List.of());
        }
        case ALL -> {
          InvalidateAll all = (InvalidateAll) annotation;
          yield new InvalidationPlan(method, kind, cacheName(all.cache()), all.before(), null, List.of());
        }
        case TAGS -> {
          InvalidateTags tags = (InvalidateTags) annotation;
          if (tags.value().length == 0) {
            throw new IllegalArgumentException("no tags given");
          }
          List<CallTemplate> templates = new ArrayList<>();
          for (String tag : tags.value()) {
            templates.add(CallTemplate.parse(tag, method));
          }
          String cache = tags.cache().isBlank() ? null : tags.cache().trim();
          yield new InvalidationPlan(method, kind, cache, tags.before(), null, List.copyOf(templates));
        }
        case PATTERN -> {
          InvalidatePattern pattern = (InvalidatePattern) annotation;
          CallTemplate template = CallTemplate.parse(pattern.value(), method);
          if (template.isLiteral()) {
            GlobPattern.compile(template.text()); // a malformed glob fails now
          }
          yield new InvalidationPlan(method, kind, cacheName(pattern.cache()), pattern.before(), null,
              List.of(template));
        }
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + e.getMessage(), e);
    }
  }

  private static String cacheName(String cache) {
    if (cache.isBlank()) {
      throw new IllegalArgumentException("cache must name a cache");
    }
    return cache.trim();
  }

  /** Removes what this plan says, for one call; returns the count removed. */
  int run(CacheRegistry caches, @Nullable Object[] arguments) {
    switch (kind) {
      case KEY:
        return cache(caches).invalidate(keys.key(method, arguments));
      case ALL:
        Cache<Object> cache = cache(caches);
        long before = cache.size();
        cache.clear();
        return (int) Math.min(Integer.MAX_VALUE, before);
      case TAGS:
        Set<String> tags = new LinkedHashSet<>();
        for (CallTemplate template : templates) {
          tags.add(template.render(arguments, false));
        }
        if (cacheName != null) {
          return cache(caches).invalidateByTags(tags);
        }
        int removed = 0;
        for (String name : caches.names()) {
          removed += caches.get(name).invalidateByTags(tags);
        }
        return removed;
      default:
        return cache(caches).invalidateByPattern(templates.get(0).render(arguments, true));
    }
  }

  private Cache<Object> cache(CacheRegistry caches) {
    return caches.get(cacheName);
  }
}
