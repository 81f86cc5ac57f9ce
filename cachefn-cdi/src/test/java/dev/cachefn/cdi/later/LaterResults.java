package dev.cachefn.cdi.later;

import dev.cachefn.cdi.spi.StageResultType;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A third party's provider, registered in this module's test {@code META-INF/services}. */
public final class LaterResults extends StageResultType {

  @Override
  public boolean handles(Method method) {
    return method.getReturnType() == Later.class;
  }

  @Override
  protected CompletionStage<?> toStage(Object result) {
    return ((Later<?>) result).stage;
  }

  @Override
  protected Object fromStage(Supplier<CompletionStage<?>> stages) {
    return new Later<>(stages.get());
  }
}
