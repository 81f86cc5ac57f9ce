package dev.cachefn.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Queue;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * The container's managed executor, as MicroProfile Context Propagation offers it, made of a queue the test
 * runs by hand: shows that refreshes go to the container's executor.
 */
@ApplicationScoped
public class HandManagedExecutor {

  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Produces
  @ApplicationScoped
  ManagedExecutor executor() {
    return (ManagedExecutor) Proxy.newProxyInstance(ManagedExecutor.class.getClassLoader(),
        new Class<?>[] {ManagedExecutor.class}, (proxy, method, arguments) -> {
          if (method.getName().equals("execute")) {
            synchronized (tasks) {
              tasks.add((Runnable) arguments[0]);
            }
            return null;
          }
          if (method.getName().equals("toString")) {
            return "HandManagedExecutor";
          }
          if (method.getName().equals("hashCode")) {
            return System.identityHashCode(proxy);
          }
          if (method.getName().equals("equals")) {
            return proxy == arguments[0];
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  public int queued() {
    synchronized (tasks) {
      return tasks.size();
    }
  }

  public void runAll() {
    while (true) {
      Runnable next;
      synchronized (tasks) {
        next = tasks.poll();
      }
      if (next == null) {
        return;
      }
      next.run();
    }
  }
}
