package dev.backtrack.collector.query;

import dev.backtrack.collector.scan.Folders;
import dev.backtrack.scanner.Endpoint;

/**
 * Which routes an answer covers: one route ({@code method} + {@code route}), the routes whose
 * source file lies below a folder ({@code prefix}), or all (every field null).
 */
public record RouteScope(String method, String route, String prefix) {
  public static final RouteScope ALL = new RouteScope(null, null, null);

  boolean isAll() {
    return route == null && prefix == null;
  }

  /** @param discovered the scanned endpoint of the route, or null */
  boolean includes(String routeMethod, String routePath, Endpoint discovered) {
    if (route != null) {
      return route.equals(routePath) && (method == null || method.equals(routeMethod));
    }
    if (prefix != null) {
      return discovered != null && Folders.isBelow(discovered.file(), prefix);
    }
    return true;
  }
}
