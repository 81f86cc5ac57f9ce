package dev.cachefn.cdi.internal;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * The name of an application on a Jakarta EE server, for the {@code application} tag of its metrics: the
 * standard {@code java:app/AppName} JNDI name (a WAR's name without {@code .war}), else, in a web application,
 * its context path without the slash ({@code /shop} gives {@code shop}, the root context {@code ROOT}), read
 * from the {@code ServletContext} that is the payload of {@code @Initialized(ApplicationScoped.class)}. The
 * Servlet API is reached through reflection, so that the module needs none; outside a server both give
 * {@code null}.
 */
final class WebApplications {

  private static final String SERVLET_CONTEXT = "jakarta.servlet.ServletContext";

  private WebApplications() {}

  /** The {@code java:app/AppName} of the calling application, or {@code null} where there is no such name. */
  static @Nullable String name() {
    try {
      Object name = new InitialContext().lookup("java:app/AppName");
      return name instanceof String text && !text.isBlank() ? text : null;
    } catch (NamingException | RuntimeException | LinkageError e) {
      return null; // not on a Jakarta EE server (Java SE, Quarkus), or no naming context on this thread
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
