package dev.cachefn.cdi.later;

import dev.cachefn.Cache;
import dev.cachefn.SetOptions;
import dev.cachefn.cdi.spi.AsyncResultType;
import dev.cachefn.cdi.spi.InterceptedCall;
import java.lang.reflect.Method;

/** A provider that cannot be made (as Mutiny's without Mutiny): listed first, it must be skipped. */
public final class BrokenResults implements AsyncResultType {

  public BrokenResults() {
    throw new NoClassDefFoundError("io/example/Missing");
  }

  @Override
  public boolean handles(Method method) {
    return true;
  }

  @Override
  public Object getOrFetch(Cache<Object> cache, String key, SetOptions options, InterceptedCall call) {
    throw new AssertionError();
  }

  @Override
  public Object afterCompletion(InterceptedCall call, Runnable action) {
    throw new AssertionError();
  }
}
