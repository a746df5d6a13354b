package dev.backtrack.collector.query;

import org.HdrHistogram.Histogram;

/** Counters and merged latencies of one key over a window. Durations in microseconds. */
final class Totals {
  final Stats stats = new Stats();
  final Histogram latency = LatencySlots.newMergeTarget();

  /** The value at {@code percentile} (0–100), microseconds. */
  long percentileMicros(double percentile) {
    return LatencySlots.percentile(latency, percentile, stats.maxMicros);
  }
}
