package dev.backtrack.collector.query;

/** The rollup key of served requests: one route of one service. */
record RouteKey(String service, String method, String route) {
  /** {@code GET /users/{id}}, the form routes are named in answers. */
  String label() {
    return method + " " + route;
  }

  boolean inService(String wanted) {
    return wanted == null || wanted.equals(service);
  }
}
