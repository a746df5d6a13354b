package dev.backtrack.collector.query;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-route rollups of served requests for the last hour: counters per second and minute, latency
 * histograms per 5 seconds (kept for the 15 minutes the shorter windows need) and per minute
 * (the hour).
 * Percentiles therefore cover the window widened to whole 5 s or 60 s buckets.
 */
final class TrafficRollup {
  private final StatsRing<RouteKey> counters = new StatsRing<>();
  private final LatencyRing<RouteKey> fine = LatencyRing.fine();
  private final LatencyRing<RouteKey> coarse = LatencyRing.coarse();
  // The same latencies merged per service, so that service-wide answers read one entry per
  // bucket and service instead of one per route.
  private final LatencyRing<String> serviceFine = LatencyRing.fine();
  private final LatencyRing<String> serviceCoarse = LatencyRing.coarse();

  void record(long second, RouteKey key, long durationMicros, boolean error,
      long dbCount, long dbMicros, long outCount, long outMicros) {
    counters.record(second, key, durationMicros, error, dbCount, dbMicros, outCount, outMicros);
    fine.record(second, key, durationMicros);
    coarse.record(second, key, durationMicros);
    serviceFine.record(second, key.service(), durationMicros);
    serviceCoarse.record(second, key.service(), durationMicros);
  }

  /** Totals per route of {@code service} (null: all) over the seconds {@code [from, to]}. */
  Map<RouteKey, Totals> byRoute(String service, long from, long to) {
    Map<RouteKey, Totals> out = countsByRoute(service, from, to);
    histograms(to - from + 1).forEach(from, to, (key, slots) -> {
      Totals totals = out.get(key);
      if (totals != null) {
        slots.addTo(totals.latency);
      }
    });
    return out;
  }

  /** As {@link #byRoute} without the latency histograms, which cost most of the work. */
  Map<RouteKey, Totals> countsByRoute(String service, long from, long to) {
    Map<RouteKey, Totals> out = new HashMap<>();
    counters.forEach(from, to, (start, bucket) -> bucket.forEach((key, stats) -> {
      if (key.inService(service)) {
        out.computeIfAbsent(key, k -> new Totals()).stats.add(stats);
      }
    }));
    return out;
  }

  /** All routes of {@code service} (null: all) together over the seconds {@code [from, to]}. */
  Totals total(String service, long from, long to) {
    Totals totals = new Totals();
    counters.forEach(from, to, (start, bucket) -> bucket.forEach((key, stats) -> {
      if (key.inService(service)) {
        totals.stats.add(stats);
      }
    }));
    LatencyRing<String> ring = LatencyRing.forWindow(to - from + 1, serviceFine, serviceCoarse);
    ring.forEach(from, to, (name, slots) -> {
      if (service == null || service.equals(name)) {
        slots.addTo(totals.latency);
      }
    });
    return totals;
  }

  /**
   * One {@link Totals} per step of {@code window}, oldest first, the last step holding {@code
   * nowSecond}. A step shorter than a histogram bucket gets the percentiles of its bucket.
   */
  Totals[] series(String service, Window window, long nowSecond) {
    int step = window.stepSeconds();
    int points = window.seconds() / step;
    long first = Math.floorDiv(nowSecond, step) * step - (long) (points - 1) * step;
    long last = first + (long) points * step - 1;
    Totals[] out = new Totals[points];
    for (int i = 0; i < points; i++) {
      out[i] = new Totals();
    }
    TimeRing<RouteKey, Stats> steps = step % 60 == 0 ? counters.minutes() : counters.seconds();
    steps.forEach(first, last, (start, bucket) -> {
      Stats point = out[(int) ((start - first) / step)].stats;
      bucket.forEach((key, stats) -> {
        if (key.inService(service)) {
          point.add(stats);
        }
      });
    });
    LatencyRing<String> ring = step >= 60 ? serviceCoarse : serviceFine;
    int width = ring.bucketSeconds();
    ring.forEachBucket(first, last, (start, bucket) -> {
      long from = Math.max(start, first);
      long to = Math.min(start + width - 1, last);
      for (long s = from - Math.floorMod(from - first, (long) step); s <= to; s += step) {
        Totals point = out[(int) ((s - first) / step)];
        if (point.stats.count == 0) {
          continue; // Nothing to rank: the percentile of an empty step is 0 anyway.
        }
        addService(bucket, service, point, settled(width, start, nowSecond));
      }
    });
    return out;
  }

  /** Adds the latencies of {@code service} (null: all) in one bucket to {@code totals}. */
  private static void addService(Map<String, LatencySlots> bucket, String service,
      Totals totals, boolean settled) {
    if (service != null) {
      LatencySlots slots = bucket.get(service);
      if (slots != null) {
        slots.addTo(totals.latency, settled);
      }
    } else {
      bucket.values().forEach(slots -> slots.addTo(totals.latency, settled));
    }
  }

  /** Whether the bucket starting at {@code start} ended well before the second {@code now}. */
  static boolean settled(int bucketSeconds, long start, long now) {
    return start + bucketSeconds + LatencySlots.SETTLED_AFTER_SECONDS <= now;
  }

  /** The first second of the oldest step of {@link #series}. */
  static long seriesStart(Window window, long nowSecond) {
    int step = window.stepSeconds();
    return Math.floorDiv(nowSecond, step) * step - (long) (window.seconds() / step - 1) * step;
  }

  private LatencyRing<RouteKey> histograms(long windowSeconds) {
    return LatencyRing.forWindow(windowSeconds, fine, coarse);
  }
}
