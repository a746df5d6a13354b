package dev.backtrack.collector.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bounds the keys the rollups can grow: past a per-service cap, a new route, host or SQL text
 * is counted under {@link #OTHER}. Names once admitted stay admitted.
 */
final class Cardinality {
  /** The name that stands for everything past a cap. */
  static final String OTHER = "<other>";

  static final int MAX_ROUTES_PER_SERVICE = 1_000;
  static final int MAX_HOSTS_PER_SERVICE = 200;
  static final int MAX_SQL_PER_SERVICE = 2_000;

  private final Map<String, Set<String>> routes = new HashMap<>();
  private final Map<String, Set<String>> hosts = new HashMap<>();
  private final Map<String, Set<String>> statements = new HashMap<>();

  /** {@code method + " " + route} or {@link #OTHER} for the route part; returns the route. */
  String route(String service, String method, String route) {
    return admit(routes, service, method + " " + route, MAX_ROUTES_PER_SERVICE) ? route : OTHER;
  }

  /** Whether {@code route} (any method) is known, used for routes of outgoing calls. */
  String outgoingRoute(String service, String route) {
    Set<String> known = routes.get(service);
    if (known == null || known.size() < MAX_ROUTES_PER_SERVICE) {
      return route;
    }
    for (String label : known) {
      if (label.endsWith(" " + route)) {
        return route;
      }
    }
    return OTHER;
  }

  String host(String service, String host) {
    return admit(hosts, service, host, MAX_HOSTS_PER_SERVICE) ? host : OTHER;
  }

  String sql(String service, String sql) {
    return admit(statements, service, sql, MAX_SQL_PER_SERVICE) ? sql : OTHER;
  }

  private static boolean admit(Map<String, Set<String>> known, String service, String name,
      int max) {
    Set<String> names = known.computeIfAbsent(service, s -> new HashSet<>());
    return names.contains(name) || (names.size() < max && names.add(name));
  }
}
