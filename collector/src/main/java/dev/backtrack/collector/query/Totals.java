package dev.backtrack.collector.query;

/** Counters and merged latencies of one key over a window. Durations in microseconds. */
final class Totals {
  final Stats stats = new Stats();
  final LatencyCounts latency = new LatencyCounts();

  /**
   * The value at {@code percentile} (0–100), microseconds; never above the exact maximum,
   * which a slot's upper bound could overshoot; 0 when empty.
   */
  long percentileMicros(double percentile) {
    return Math.min(latency.valueAtPercentile(percentile), stats.maxMicros);
  }
}
