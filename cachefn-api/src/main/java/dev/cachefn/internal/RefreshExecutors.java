package dev.cachefn.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/** The JVM-wide executor of background refreshes for caches that set none; see {@code CacheOptions}. */
public final class RefreshExecutors {

  private RefreshExecutors() {}

  /** One executor for every cache of the JVM, made on first use. */
  public static Executor shared() {
    return Holder.SHARED;
  }

  private static final class Holder {
    static final Executor SHARED = create();

    /** Virtual threads where the JDK has them (21+), found without compiling against them. */
    private static Executor create() {
      try {
        return (ExecutorService) MethodHandles.publicLookup()
            .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
            .invoke();
      } catch (NoSuchMethodException | IllegalAccessException olderJdk) {
        return ForkJoinPool.commonPool();
      } catch (Throwable unexpected) {
        return ForkJoinPool.commonPool();
      }
    }
  }
}
