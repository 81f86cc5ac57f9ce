package dev.cachefn.cdi.internal;

import dev.cachefn.cdi.spi.AsyncResultType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AsyncResultType}s the interceptors know: the built-in {@link CompletionStages}, then the providers
 * {@link ServiceLoader} finds through this module's class loader and the thread's context class loader, looked up
 * once, when a plan first needs them.
 */
final class AsyncResultTypes {

  private AsyncResultTypes() {}

  /** The type that runs {@code method}'s calls, or {@code null} for a method whose result is there on return. */
  static @Nullable AsyncResultType of(Method method) {
    for (AsyncResultType type : Loaded.TYPES) {
      if (type.handles(method)) {
        return type;
      }
    }
    return null;
  }

  private static final class Loaded {
    static final List<AsyncResultType> TYPES = load();

    private static List<AsyncResultType> load() {
      List<AsyncResultType> types = new ArrayList<>(List.of(CompletionStages.STAGE, CompletionStages.FUTURE));
      addAll(types, ServiceLoader.load(AsyncResultType.class, AsyncResultType.class.getClassLoader()));
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null && context != AsyncResultType.class.getClassLoader()) {
        addAll(types, ServiceLoader.load(AsyncResultType.class, context));
      }
      return List.copyOf(types);
    }

    /**
     * Adds the providers that can be made and are not there yet. One that cannot (its library is missing: Mutiny's
     * provider without Mutiny; or another application's copy on a shared context class loader) is skipped.
     */
    private static void addAll(List<AsyncResultType> types, ServiceLoader<AsyncResultType> loader) {
      Iterator<AsyncResultType> providers = loader.iterator();
      while (true) {
        try {
          if (!providers.hasNext()) {
            return;
          }
          AsyncResultType provider = providers.next();
          if (types.stream().noneMatch(known -> known.getClass() == provider.getClass())) {
            types.add(provider);
          }
        } catch (ServiceConfigurationError unusable) {
          // the iterator goes on with the next provider
        }
      }
    }
  }
}
