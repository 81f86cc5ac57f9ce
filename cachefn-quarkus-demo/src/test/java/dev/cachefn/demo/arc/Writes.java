package dev.cachefn.demo.arc;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.InvalidateAll;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.InvalidateTags;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes that invalidate what {@link Lookups} memoized. */
@ApplicationScoped
public class Writes {

  @Invalidate(cache = "arc-users")
  public void rename(@CacheKey String id, String newName) {}

  @Invalidate(cache = "arc-users")
  public void renameOrFail(@CacheKey String id) {
    throw new IllegalStateException("rename of " + id + " failed");
  }

  @Invalidate(cache = "arc-users", before = true)
  public void renameBeforeAndFail(@CacheKey String id) {
    throw new IllegalStateException("rename of " + id + " failed");
  }

  @InvalidateAll(cache = "arc-greetings")
  public void reloadGreetings() {}

  @InvalidateTags("user:{id}")
  public void update(String id) {}

  @InvalidatePattern(cache = "arc-users", value = "{prefix}*")
  public void drop(String prefix) {}
}
