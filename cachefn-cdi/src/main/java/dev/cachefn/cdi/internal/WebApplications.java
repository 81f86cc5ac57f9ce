package dev.cachefn.cdi.internal;

import jakarta.enterprise.inject.Instance;
import org.jspecify.annotations.Nullable;

/**
 * The name of a web application, for the {@code application} tag of its metrics: its context path without the
 * slash ({@code /shop} gives {@code shop}, the root context {@code ROOT}). Read from the {@code ServletContext}
 * (a built-in bean of Jakarta EE containers, and the payload of {@code @Initialized(ApplicationScoped.class)}
 * in a web application) through reflection, so that the module needs no Servlet API.
 */
final class WebApplications {

  private static final String SERVLET_CONTEXT = "jakarta.servlet.ServletContext";

  private WebApplications() {}

  /** The name from the container's {@code ServletContext} bean, or {@code null} outside a web application. */
  static @Nullable String name(Instance<Object> beans) {
    try {
      Class<?> type = Class.forName(SERVLET_CONTEXT, false, WebApplications.class.getClassLoader());
      Instance<?> contexts = beans.select(type);
      return contexts.isResolvable() ? nameOf(contexts.get()) : null;
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return null; // no Servlet API, or the container has no such bean
    }
  }

  /** The name if {@code context} is a {@code ServletContext}, else {@code null}. */
  static @Nullable String nameOf(Object context) {
    Class<?> type = servletContextType(context.getClass());
    if (type == null) {
      return null;
    }
    try {
      String path = String.valueOf(type.getMethod("getContextPath").invoke(context));
      String name = path.startsWith("/") ? path.substring(1) : path;
      return name.isEmpty() ? "ROOT" : name;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Class<?> servletContextType(@Nullable Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type.getName().equals(SERVLET_CONTEXT)) {
      return type;
    }
    for (Class<?> implemented : type.getInterfaces()) {
      Class<?> found = servletContextType(implemented);
      if (found != null) {
        return found;
      }
    }
    return servletContextType(type.getSuperclass());
  }
}
