package dev.backtrack.collector.query;

import dev.backtrack.collector.scan.ScanCatalog;
import dev.backtrack.scanner.Endpoint;
import java.util.HashMap;
import java.util.Map;

/** Looks up the scanned endpoint of a served route; {@code ANY} endpoints match every method. */
final class DiscoveredRoutes {
  private final Map<String, Endpoint> byLabel = new HashMap<>();

  DiscoveredRoutes(ScanCatalog catalog, String service) {
    for (String scanned : catalog.services()) {
      if (service == null || service.equals(scanned)) {
        for (Endpoint e : catalog.endpoints(scanned)) {
          byLabel.putIfAbsent(label(scanned, e.method(), e.route()), e);
        }
      }
    }
  }

  /** The endpoint that defines {@code method route} in {@code service}, or null. */
  Endpoint find(String service, String method, String route) {
    Endpoint exact = byLabel.get(label(service, method, route));
    return exact != null ? exact : byLabel.get(label(service, "ANY", route));
  }

  private static String label(String service, String method, String route) {
    return service + '\u0000' + method + ' ' + route;
  }
}
