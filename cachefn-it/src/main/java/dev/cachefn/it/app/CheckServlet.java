package dev.cachefn.it.app;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.NamedCaches;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/**
 * What the integration tests ask over HTTP, one action per request: {@code /check?action=memoize} and so on.
 * Each answer is one line of {@code key=value} pairs.
 */
@WebServlet("/check")
public class CheckServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Catalog catalog;
  @Inject transient Evictions evictions;
  @Inject transient NamedCaches caches;
  @Inject @CacheName("small") transient Cache<String> small;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String answer = switch (String.valueOf(request.getParameter("action"))) {
      case "names" -> "names=" + new TreeSet<>(caches.names());
      case "memoize" -> {
        catalog.product("1");
        catalog.product("1");
        yield "calls=" + catalog.calls();
      }
      case "update" -> {
        catalog.update("1");
        catalog.product("1");
        yield "calls=" + catalog.calls();
      }
      case "evict" -> {
        small.set("a", "1");
        small.set("b", "2");
        small.set("c", "3");
        yield "size=" + small.size() + " evictions=" + evictions.count() + " same="
            + (caches.<String>get("small") == small);
      }
      default -> null;
    };
    if (answer == null) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown action");
      return;
    }
    response.setContentType("text/plain");
    response.getWriter().println(answer);
  }
}
