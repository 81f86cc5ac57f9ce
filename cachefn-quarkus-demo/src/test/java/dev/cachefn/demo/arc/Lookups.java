package dev.cachefn.demo.arc;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.Memoize;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Memoized methods of every shape, counting their calls: the same cases as the Weld tests, under ArC. */
@ApplicationScoped
public class Lookups {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  // state behind methods: a test holds the client proxy, whose own fields are not the bean's
  private final Map<String, CompletableFuture<String>> nextStages = new ConcurrentHashMap<>();
  private final Map<String, Boolean> failOnce = new ConcurrentHashMap<>();

  /** Makes the next call of {@link #async} for {@code id} return {@code stage}. */
  public void nextStage(String id, CompletableFuture<String> stage) {
    nextStages.put(id, stage);
  }

  /** Makes the next call of {@link #uni} or {@link #checked} for {@code id} fail. */
  public void failOnce(String id) {
    failOnce.put(id, true);
  }

  public int calls(String method) {
    return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
  }

  private void called(String method) {
    calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
  }

  @Memoize(cache = "arc-users", tags = {"users", "user:{id}"})
  public String user(String id) {
    called("user");
    return "user " + id;
  }

  @Memoize(cache = "arc-greetings")
  public String greeting(@CacheKey String name, String requestId) {
    called("greeting");
    return "hello " + name + " (" + requestId + ")";
  }

  @Memoize(cache = "arc-optional")
  public Optional<String> maybe(String id) {
    called("maybe");
    return id.equals("none") ? Optional.empty() : Optional.of("found " + id);
  }

  @Memoize(cache = "arc-checked")
  public String checked(String id) throws IOException {
    called("checked");
    if (failOnce.remove(id) != null) {
      throw new IOException("backend down for " + id);
    }
    return "checked " + id;
  }

  @Memoize(cache = "arc-async")
  public CompletionStage<String> async(String id) {
    called("async");
    return nextStages.remove(id);
  }

  @Memoize(cache = "arc-uni", tags = "user:{id}")
  public Uni<String> uni(String id) {
    called("uni");
    if (failOnce.remove(id) != null) {
      return Uni.createFrom().failure(new IllegalStateException("no answer for " + id));
    }
    return Uni.createFrom().item(() -> "uni " + id);
  }
}
