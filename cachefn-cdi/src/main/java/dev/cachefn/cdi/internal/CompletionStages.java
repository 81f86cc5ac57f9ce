package dev.cachefn.cdi.internal;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.spi.InterceptedCall;
import dev.cachefn.cdi.spi.StageResultType;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The built-in asynchronous results: methods returning {@code CompletionStage} or {@code CompletableFuture}. */
final class CompletionStages extends StageResultType {

  static final CompletionStages STAGE = new CompletionStages(CompletionStage.class);
  static final CompletionStages FUTURE = new CompletionStages(CompletableFuture.class);

  private final Class<?> returnType;

  private CompletionStages(Class<?> returnType) {
    this.returnType = returnType;
  }

  @Override
  public boolean handles(Method method) {
    return method.getReturnType() == returnType;
  }

  @Override
  protected CompletionStage<?> toStage(Object result) {
    return (CompletionStage<?>) result;
  }

  @Override
  protected Object fromStage(Supplier<CompletionStage<?>> stages) {
    return answer(stages.get());
  }

  @Override
  public Object getOrFetch(Cache<Object> cache, String key, SetOptions options, InterceptedCall call) {
    return answer(cache.getOrFetchAsync(key, () -> stageOf(call), options)); // as fromStage, one lambda fewer
  }

  private Object answer(CompletionStage<?> stage) {
    return returnType == CompletionStage.class || stage instanceof CompletableFuture<?>
        ? stage : stage.toCompletableFuture();
  }
}
