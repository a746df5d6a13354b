package dev.backtrack.collector.query;

/** One error group: a fingerprint within one service. */
record ErrorKey(String service, String fingerprint) {
  boolean inService(String wanted) {
    return wanted == null || wanted.equals(service);
  }
}
