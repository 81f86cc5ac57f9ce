package dev.cachefn.cdi.beans;

import dev.cachefn.cdi.CacheKey;
import dev.cachefn.cdi.CacheKeyGenerator;
import dev.cachefn.cdi.Memoize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A bean with memoized methods that counts how often each really runs. */
@ApplicationScoped
public class UserRepository {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile boolean failNext;

  /** The future that {@link #loadAsync} last handed out for {@code id}, for the test to complete. */
  public CompletableFuture<String> pending(String id) {
    return pending.get(id);
  }

  /** {@link #slowFind} waits for {@code gate}: lets a test hold a call in flight. */
  public void holdSlowFind(CountDownLatch gate) {
    this.gate = gate;
  }

  /** The next {@link #load} throws. */
  public void failNextLoad() {
    failNext = true;
  }

  public int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  private void tick(String method) {
    calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
  }

  @Memoize(cache = "users", ttl = "10m", tags = {"users", "user:{id}"})
  public String find(@CacheKey String id, String traceId) {
    tick("find");
    return "user " + id;
  }

  @Memoize(cache = "greetings", tags = {"user:{user.id}", "team:{user.team.id}"})
  public String greet(User user) {
    tick("greet");
    return "hello " + user.name();
  }

  @Memoize(cache = "counts")
  public int count(String word, int times) {
    tick("count");
    return word.length() * times;
  }

  @Memoize
  public List<String> all() {
    tick("all");
    return List.of("a", "b");
  }

  @Memoize(cache = "nicknames")
  public Optional<String> nickname(String id) {
    tick("nickname");
    return id.startsWith("n") ? Optional.of("nick " + id) : Optional.empty();
  }

  @Memoize(cache = "nullable")
  public String orNull(String id) {
    tick("orNull");
    return null;
  }

  @Memoize(cache = "checked")
  public String load(String id) throws IOException {
    tick("load");
    if (failNext) {
      failNext = false;
      throw new IOException("disk on fire");
    }
    return "loaded " + id;
  }

  @Memoize(cache = "slow")
  public String slowFind(String id) throws InterruptedException {
    tick("slowFind");
    gate.await();
    return "slow " + id;
  }

  @Memoize(cache = "async")
  public CompletionStage<String> loadAsync(String id) {
    tick("loadAsync");
    CompletableFuture<String> future = new CompletableFuture<>();
    pending.put(id, future);
    return future;
  }

  @Memoize(cache = "async-future")
  public CompletableFuture<String> loadFuture(String id) {
    tick("loadFuture");
    return CompletableFuture.completedFuture("future " + id);
  }

  @Memoize(cache = "domains", keyGenerator = ByDomain.class)
  public String owner(String email) {
    tick("owner");
    return "owner of " + email.substring(email.indexOf('@') + 1);
  }

  /** Keys an e-mail address by its domain. */
  public static class ByDomain implements CacheKeyGenerator {
    @Override
    public String key(Method method, Object[] arguments) {
      String email = (String) arguments[0];
      return email.substring(email.indexOf('@') + 1);
    }
  }
}
