package dev.backtrack.collector.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bounds the keys the rollups can grow: past a per-service cap, a new route, host or SQL text
 * is counted under {@link #OTHER}. Names once admitted stay admitted.
 *
 * <p>It also hands out one shared instance per admitted key and name, so that the many rollup
 * maps an event lands in find their entries by identity instead of comparing strings again.
 */
final class Cardinality {
  /** The name that stands for everything past a cap. */
  static final String OTHER = "<other>";

  static final int MAX_ROUTES_PER_SERVICE = 1_000;
  static final int MAX_HOSTS_PER_SERVICE = 200;
  static final int MAX_SQL_PER_SERVICE = 2_000;

  private final Map<String, ServiceNames> services = new HashMap<>();

  /** The shared key of the route, or of {@link #OTHER} once the service is at its cap. */
  RouteKey route(String service, String method, String route) {
    ServiceNames names = of(service);
    Map<String, RouteKey> byRoute = names.routes.computeIfAbsent(method, m -> new HashMap<>());
    RouteKey key = byRoute.get(route);
    if (key != null) {
      return key;
    }
    if (names.routeCount < MAX_ROUTES_PER_SERVICE) {
      names.routeCount++;
      names.routeNames.add(route);
      key = new RouteKey(names.service, method, route);
      byRoute.put(route, key);
      return key;
    }
    return names.others.computeIfAbsent(method, m -> new RouteKey(names.service, m, OTHER));
  }

  /** Whether {@code route} (any method) is known, used for routes of outgoing calls. */
  String outgoingRoute(String service, String route) {
    ServiceNames names = of(service);
    return names.routeCount < MAX_ROUTES_PER_SERVICE || names.routeNames.contains(route)
        ? route
        : OTHER;
  }

  String host(String service, String host) {
    return admit(of(service).hosts, host, MAX_HOSTS_PER_SERVICE);
  }

  String sql(String service, String sql) {
    return admit(of(service).statements, sql, MAX_SQL_PER_SERVICE);
  }

  private ServiceNames of(String service) {
    return services.computeIfAbsent(service, ServiceNames::new);
  }

  /** The shared instance of {@code name}, or {@link #OTHER} past the cap. */
  private static String admit(Map<String, String> names, String name, int max) {
    String shared = names.get(name);
    if (shared != null) {
      return shared;
    }
    if (names.size() < max) {
      names.put(name, name);
      return name;
    }
    return OTHER;
  }

  /** What one service has admitted. */
  private static final class ServiceNames {
    final String service;
    /** Method, then route. */
    final Map<String, Map<String, RouteKey>> routes = new HashMap<>();
    /** Per method, the key that stands for the routes past the cap. */
    final Map<String, RouteKey> others = new HashMap<>();
    final Set<String> routeNames = new HashSet<>();
    int routeCount;
    final Map<String, String> hosts = new HashMap<>();
    final Map<String, String> statements = new HashMap<>();

    ServiceNames(String service) {
      this.service = service;
    }
  }
}
