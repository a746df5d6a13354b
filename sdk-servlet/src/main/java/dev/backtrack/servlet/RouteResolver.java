package dev.backtrack.servlet;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the route template of a served request, after the application handled it: Spring MVC's
 * best matching pattern when there is one, else the servlet mapping; 404s that matched no real
 * route become {@link RouteTemplates#UNMATCHED}. A route the application named
 * ({@code Backtrack.route}) wins over this one; it is not a request attribute, since each
 * attribute looked up costs a container's attribute chain on every request.
 */
final class RouteResolver {
  /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, by value. */
  static final String SPRING_PATTERN = "org.springframework.web.servlet.HandlerMapping"
      + ".bestMatchingPattern";

  /** Routes of path mappings by servlet path: as few as the application's mappings. */
  private static final ConcurrentHashMap<String, String> PATH_ROUTES = new ConcurrentHashMap<>();
  private static final int PATH_ROUTES_KEPT = 1024;

  private RouteResolver() {}

  static String resolve(HttpServletRequest request, int status) {
    String route = springPattern(request);
    if (route == null) {
      route = fromServletMapping(request);
    }
    if (status == 404 && (route == null || RouteTemplates.isCatchAll(route))) {
      return RouteTemplates.UNMATCHED;
    }
    return route == null ? RouteTemplates.UNMATCHED : route;
  }

  private static String springPattern(HttpServletRequest request) {
    Object spring = request.getAttribute(SPRING_PATTERN);
    if (spring instanceof String s && !s.isEmpty()) {
      return RouteTemplates.canonical(s);
    }
    return null;
  }

  private static String fromServletMapping(HttpServletRequest request) {
    if (request.getPathInfo() != null) {
      // Only a path mapping ("/api/items/*") leaves a path info, and its servlet path is the
      // pattern's prefix: the route comes without the mapping object, which some containers
      // build anew on every call.
      return pathRoute(request.getServletPath());
    }
    HttpServletMapping mapping;
    try {
      mapping = request.getHttpServletMapping();
    } catch (RuntimeException | AbstractMethodError e) {
      return null; // a container without Servlet 4 mappings
    }
    if (mapping == null || mapping.getMappingMatch() == null) {
      return null;
    }
    MappingMatch match = mapping.getMappingMatch();
    String pattern = mapping.getPattern();
    return switch (match) {
      case CONTEXT_ROOT -> "/";
      case DEFAULT -> "/{*}";
      case EXACT, PATH -> RouteTemplates.canonical(pattern);
      case EXTENSION -> RouteTemplates.canonical("/" + pattern); // *.do → /{*}.do
    };
  }

  private static String pathRoute(String servletPath) {
    String route = PATH_ROUTES.get(servletPath);
    if (route == null) {
      route = RouteTemplates.canonical(servletPath + "/*");
      if (PATH_ROUTES.size() < PATH_ROUTES_KEPT) {
        PATH_ROUTES.put(servletPath, route);
      }
    }
    return route;
  }
}
