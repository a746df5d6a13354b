package dev.backtrack.collector.query;

import dev.backtrack.collector.model.Batch;
import dev.backtrack.collector.model.DbStats;
import dev.backtrack.collector.model.ErrorInfo;
import dev.backtrack.collector.model.Instance;
import dev.backtrack.collector.model.OutStats;
import dev.backtrack.collector.model.OutgoingCall;
import dev.backtrack.collector.model.RequestEvent;
import dev.backtrack.collector.model.SqlTiming;
import java.util.List;

/** Builders of model records for the query tests. */
final class Events {
  private Events() {}

  static RequestEvent ok(long tsMillis, String method, String route, long durationMicros) {
    return new RequestEvent(tsMillis, "r", "c", null, method, route, 200, durationMicros,
        DbStats.NONE, OutStats.NONE, null);
  }

  static RequestEvent status(long tsMillis, String method, String route, int status,
      long durationMicros) {
    return new RequestEvent(tsMillis, "r", "c", null, method, route, status, durationMicros,
        DbStats.NONE, OutStats.NONE, null);
  }

  static RequestEvent failed(long tsMillis, String route, String type, String fingerprint) {
    return new RequestEvent(tsMillis, "r", "c", null, "POST", route, 500, 1_000, DbStats.NONE,
        OutStats.NONE, new ErrorInfo(type, "boom", fingerprint, "stack"));
  }

  static RequestEvent withWork(long tsMillis, String route, long durationMicros, int dbCount,
      long dbMicros, String sql, long sqlMicros, int outCount, long outMicros) {
    return new RequestEvent(tsMillis, "r", "c", null, "GET", route, 200, durationMicros,
        new DbStats(dbCount, dbMicros, List.of(new SqlTiming(sql, sqlMicros))),
        new OutStats(outCount, outMicros), null);
  }

  static OutgoingCall call(long tsMillis, String route, String host, long durationMicros,
      boolean error) {
    return new OutgoingCall(tsMillis, "r", route, "GET", host, error ? 503 : 200,
        durationMicros, error);
  }

  static Batch batch(String service, List<RequestEvent> events, List<OutgoingCall> calls) {
    return new Batch("b-" + System.nanoTime(), service, new Instance("h", 1, "test"), events,
        calls, null, events.isEmpty() ? 0 : events.get(0).tsMillis());
  }
}
