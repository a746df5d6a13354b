package dev.backtrack.collector.query;

/**
 * The rollup key of outgoing calls: which route of which service called which host. {@code
 * route} is empty when the call was made outside a request.
 */
record EdgeKey(String service, String route, String host) {
  boolean inService(String wanted) {
    return wanted == null || wanted.equals(service);
  }
}
