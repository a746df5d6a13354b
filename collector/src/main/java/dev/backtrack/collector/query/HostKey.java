package dev.backtrack.collector.query;

/** The rollup key of outgoing latencies: one external host called by one service. */
record HostKey(String service, String host) {
  boolean inService(String wanted) {
    return wanted == null || wanted.equals(service);
  }
}
