package dev.backtrack.collector.query;

import java.util.HashMap;
import java.util.Map;

/**
 * Outgoing calls of the last hour: counters per second and minute for each (service, route,
 * host) edge, which also give the per-host figures, and latency histograms per host (5 s and
 * 60 s buckets, as in {@link TrafficRollup}).
 */
final class OutgoingRollup {
  private final StatsRing<EdgeKey> counters = new StatsRing<>();
  private final LatencyRing<HostKey> fine = LatencyRing.fine();
  private final LatencyRing<HostKey> coarse = LatencyRing.coarse();

  void record(long second, EdgeKey edge, long durationMicros, boolean error) {
    counters.record(second, edge, durationMicros, error, 0, 0, 0, 0);
    HostKey host = new HostKey(edge.service(), edge.host());
    fine.record(second, host, durationMicros);
    coarse.record(second, host, durationMicros);
  }

  /** Counters per edge of {@code service} (null: all) over the seconds {@code [from, to]}. */
  Map<EdgeKey, Stats> byEdge(String service, long from, long to) {
    Map<EdgeKey, Stats> out = new HashMap<>();
    counters.forEach(from, to, (start, bucket) -> bucket.forEach((key, stats) -> {
      if (key.inService(service)) {
        out.computeIfAbsent(key, k -> new Stats()).add(stats);
      }
    }));
    return out;
  }

  /** Totals per host name (services merged when {@code service} is null). */
  Map<String, Totals> byHost(String service, long from, long to) {
    Map<String, Totals> out = new HashMap<>();
    byEdge(service, from, to).forEach(
        (edge, stats) -> out.computeIfAbsent(edge.host(), k -> new Totals()).stats.add(stats));
    LatencyRing<HostKey> ring = LatencyRing.forWindow(to - from + 1, fine, coarse);
    ring.forEach(from, to, (key, slots) -> {
      Totals totals = out.get(key.host());
      if (totals != null && key.inService(service)) {
        slots.addTo(totals.latency);
      }
    });
    return out;
  }
}
