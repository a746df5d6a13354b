package dev.backtrack.scanner;

import java.util.List;

/**
 * A substring gate in front of the Java parser. Parsing is most of a scan's cost and most
 * files of a backend (models, services, tests) define no route; a file that contains none of
 * these words cannot hold a mapping annotation, a JAX-RS import or a {@code Router}, so it is
 * counted as scanned but not parsed. The words only decide whether to parse, never what a
 * route is: that is read from the syntax tree.
 */
final class RouteMarkers {
  private static final List<String> MARKERS =
      List.of("Mapping", "ws.rs", "Path", "Controller", "WebServlet", "Router", "router");

  private RouteMarkers() {}

  /**
   * Whether {@code javaSource} may declare string constants other files use in their routes
   * ({@code static final String}, or fields of an interface), so it is parsed for them.
   */
  static boolean mayDeclareConstants(String javaSource) {
    return javaSource.contains("final String") || javaSource.contains("interface");
  }

  /** Whether {@code javaSource} may define a route and so has to be parsed. */
  static boolean mayDefineRoutes(String javaSource) {
    for (String marker : MARKERS) {
      if (javaSource.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
