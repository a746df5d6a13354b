package dev.backtrack.collector.query;

import io.vertx.core.json.JsonObject;

/** Number shaping shared by the answers: milliseconds to 0.01, rates to 0.0001. */
final class QueryJson {
  private QueryJson() {}

  /** Microseconds as milliseconds rounded to 0.01. */
  static double ms(double micros) {
    return Math.round(micros / 10.0) / 100.0;
  }

  /** A rate or a per-request average rounded to 0.0001. */
  static double rate(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }

  /** Requests per second over {@code seconds}, rounded to 0.0001. */
  static double perSecond(long count, long seconds) {
    return rate((double) count / seconds);
  }

  /** The counters every route-like answer shares: requests, rps, errors, latencies. */
  static JsonObject figures(Totals t, long windowSeconds) {
    Stats s = t.stats;
    return new JsonObject()
        .put("requests", s.count)
        .put("rps", perSecond(s.count, windowSeconds))
        .put("errors", s.errors)
        .put("error_rate", rate(s.errorRate()))
        .put("avg_ms", ms(s.avgMicros()))
        .put("max_ms", ms(s.maxMicros))
        .put("p50_ms", ms(t.percentileMicros(50)))
        .put("p95_ms", ms(t.percentileMicros(95)))
        .put("p99_ms", ms(t.percentileMicros(99)));
  }
}
