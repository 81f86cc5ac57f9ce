package dev.cachefn.cdi.beans;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.InvalidateAll;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.InvalidateTags;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes that invalidate what {@link UserRepository} memoized. */
@ApplicationScoped
public class UserService {

  @Invalidate(cache = "users")
  public void rename(@CacheKey String id, String newName) {}

  @Invalidate(cache = "users")
  public void renameOrFail(@CacheKey String id) {
    throw new IllegalStateException("rename failed");
  }

  @Invalidate(cache = "users", before = true)
  public void renameBeforeAndFail(@CacheKey String id) {
    throw new IllegalStateException("rename failed");
  }

  @InvalidateAll(cache = "users")
  public void reloadAll() {}

  @InvalidateTags("user:{user.id}")
  public void update(User user) {}

  @InvalidateTags(value = "team:{0}", cache = "greetings")
  public void renameTeam(String teamId) {}

  @InvalidatePattern(cache = "counts", value = "{prefix}*")
  public void dropCounts(String prefix) {}

  @Invalidate(cache = "users")
  @InvalidateTags(value = "team:{1}", cache = "greetings")
  public void moveToTeam(@CacheKey String id, String teamId) {}

  @Invalidate(cache = "users", before = true)
  @InvalidateAll(cache = "greetings")
  public void moveBeforeAndFail(@CacheKey String id) {
    throw new IllegalStateException("move failed");
  }

  @InvalidateTags("users")
  public CompletionStage<String> updateAsync(CompletableFuture<String> done) {
    return done;
  }
}
