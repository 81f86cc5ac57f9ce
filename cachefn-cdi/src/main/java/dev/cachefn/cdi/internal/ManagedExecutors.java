package dev.cachefn.cdi.internal;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the container's managed executor, where background refreshes of caches with freshness settings run: a
 * CDI bean of Jakarta Concurrency's {@code ManagedExecutorService} or MicroProfile Context Propagation's
 * {@code ManagedExecutor} (Quarkus, Open Liberty, Payara, WildFly), else Jakarta EE's default
 * {@code java:comp/DefaultManagedExecutorService} in JNDI. Neither API is needed on the class path: each is
 * looked for by name.
 */
final class ManagedExecutors {

  private static final System.Logger LOG = System.getLogger(ManagedExecutors.class.getName());

  static final List<String> BEAN_TYPES = List.of(
      "jakarta.enterprise.concurrent.ManagedExecutorService", "org.eclipse.microprofile.context.ManagedExecutor");
  static final String DEFAULT_JNDI_NAME = "java:comp/DefaultManagedExecutorService";

  private ManagedExecutors() {}

  /** The container's managed executor, or {@code null} when it has none (then the library's default serves). */
  static @Nullable Executor find(BeanManager beans) {
    for (String typeName : BEAN_TYPES) {
      Class<?> type = load(typeName);
      if (type == null) {
        continue;
      }
      Set<Bean<?>> found = beans.getBeans(type);
      Bean<?> bean = found.isEmpty() ? null : beans.resolve(found);
      if (bean != null && beans.getReference(bean, type, beans.createCreationalContext(bean))
          instanceof Executor executor) {
        LOG.log(System.Logger.Level.INFO, "CacheFn refreshes caches on the container's " + typeName);
        return executor;
      }
    }
    try {
      if (new InitialContext().lookup(DEFAULT_JNDI_NAME) instanceof Executor executor) {
        LOG.log(System.Logger.Level.INFO, "CacheFn refreshes caches on " + DEFAULT_JNDI_NAME);
        return executor;
      }
    } catch (NamingException | RuntimeException | LinkageError noJndi) {
      // not in an application server
    }
    return null;
  }

  private static @Nullable Class<?> load(String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader : new ClassLoader[] {context, ManagedExecutors.class.getClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        return Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError absent) {
        // try the next loader
      }
    }
    return null;
  }
}
